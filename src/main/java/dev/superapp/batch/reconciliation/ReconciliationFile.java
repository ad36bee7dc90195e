package dev.superapp.batch.reconciliation;

/**
 * The files a run writes beside its report, each recorded in the job's execution context under {@link #key()}.
 * The console downloads a file by its {@link #download()} name, never by a path from the request.
 */
public enum ReconciliationFile {
    REPORT_CSV("report.csv", "report.path"),
    SUMMARY_CSV("summary.csv", "summary.path"),
    OPEN_CSV("open.csv", "open.path"),
    REPORT_XLSX("report.xlsx", "report.xlsx.path"),
    SUMMARY_XLSX("summary.xlsx", "summary.xlsx.path"),
    OPEN_XLSX("open.xlsx", "open.xlsx.path"),
    MANIFEST("manifest.json", "manifest.path");

    private final String download;
    private final String key;

    ReconciliationFile(String download, String key) {
        this.download = download;
        this.key = key;
    }

    /** The last part of the console's download address: {@code /reports/reconciliation/<id>/<download>}. */
    public String download() {
        return download;
    }

    /** The execution context entry holding the file's absolute path. */
    public String key() {
        return key;
    }
}
