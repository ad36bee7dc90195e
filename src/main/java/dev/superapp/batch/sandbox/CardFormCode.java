package dev.superapp.batch.sandbox;

/** The codes of seed 003 that the sandbox's card form answers, with the seed's wording. */
enum CardFormCode {

    SUCCESS(0, "success"),
    THROTTLED(2, "Request throttled"),
    DATA_NOT_JSON(10004, "Data JSON parsing exception"),
    BAD_SIGNATURE(10005, "Signature exception"),
    NO_SUCH_FORM(20001, "Form ID does not exist"),
    FORM_OF_ANOTHER_MINI_APP(20002, "Form ID does not match Mini Program ID"),
    DATA_MISSING(20007, "DATA form data cannot be empty or missing"),
    TOO_MANY_IDS(20008, "Exceeded limit for sending user IDs"),
    VALUE_EMPTY(20009, "Value for the given key cannot be empty"),
    UNKNOWN_UNIQUE_ID(30001, "User unique ID does not exist");

    private final int code;
    private final String wording;

    CardFormCode(int code, String wording) {
        this.code = code;
        this.wording = wording;
    }

    int code() {
        return code;
    }

    String wording() {
        return wording;
    }

    /** A refusal with this code; {@code detail} says what is wrong, never what the right sign would be. */
    RequestRefused refused(String detail) {
        return RequestRefused.cardForm(code, wording, detail);
    }
}
