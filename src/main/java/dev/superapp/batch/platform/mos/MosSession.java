package dev.superapp.batch.platform.mos;

/**
 * What {@code code2session} exchanged a login code for.
 *
 * @param openid     the user's id under this mini app
 * @param sessionKey not in use by MOS yet; kept out of {@link #toString()} as it is a credential
 */
public record MosSession(String openid, String sessionKey) {

    @Override
    public String toString() {
        return "MosSession[openid=" + openid + ", sessionKey=****]";
    }
}
