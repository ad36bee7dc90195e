package dev.superapp.batch.platform.dictionary;

/** Where a mini program's release stands in the super app ({@code FetchAppInfo.status}, seed 004). */
public enum MiniProgramReleaseStatus {
    /** The mini program is in a grayscale release. */
    GRAY,
    /** The mini program is fully released and runs online. */
    ONLINE
}
