-- Recipients who must never get a push. Ids are per id kind, because an openId (activity, notify: seed 001) and a
-- card's uniqueId (cardform: seed 003) are different namespaces: id_kind is the audience column, open_id or unique_id.
-- recipient_id compares bytes, as campaign_recipient.send_key does: ids differing in case are different people.
-- reason: why (a person's words, or the platform's refusal that added it); added_by: the console user, the
-- operating-system user of the command line, or "platform" when a refusal added it.
-- The key starts with recipient_id so that "recipient_id IN (...)" is an index lookup on H2 and MariaDB alike (row
-- values made MariaDB scan the index; "id_kind = ? AND recipient_id IN" made H2 scan the kind's rows).
CREATE TABLE recipient_suppression (
    id_kind       VARCHAR(16)  NOT NULL,
    recipient_id  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    added_by      VARCHAR(64)  NOT NULL,
    added_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (recipient_id, id_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
