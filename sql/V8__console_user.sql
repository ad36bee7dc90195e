-- People who sign in to the web console of `serve`. password_hash is a Spring Security delegating hash
-- ({bcrypt}...), never the password. role: MARKETING (campaigns), FINANCE (reports) or ADMIN (everything).
CREATE TABLE console_user (
    username       VARCHAR(64)   NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(255)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
