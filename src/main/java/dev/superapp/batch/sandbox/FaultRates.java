package dev.superapp.batch.sandbox;

/**
 * How often the sandbox answers a request with each kind of random fault, each a probability
 * from 0 to 1. One draw per request picks at most one fault, so the rates may add up to 1 at most.
 *
 * @param http5xx         HTTP 500 or 503 (half each); the platform did not act
 * @param http429         HTTP 429 with {@code Retry-After: 1} (code 2 on the card form); the platform did not act
 * @param status500InBody HTTP 200 with {@code responseHeader.status} 500 (code "00002" on the card form); the
 *                        platform did not act
 * @param timeout         the platform acts, then hangs and drops the connection without answering
 * @param malformedJson   the platform acts, then answers a body that is not valid JSON
 */
public record FaultRates(double http5xx, double http429, double status500InBody, double timeout,
                         double malformedJson) {

    /** No random faults: every request is answered properly. */
    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0);

    public FaultRates {
        double[] rates = {http5xx, http429, status500InBody, timeout, malformedJson};
        double sum = 0;
        for (double rate : rates) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a fault rate must be between 0 and 1, got " + rate);
            }
            sum += rate;
        }
        // A small tolerance so that five rates of 0.2 written as decimals still add up to 1.
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to " + sum + ", more than 1");
        }
    }

    /** The same rate for every kind of fault (at most 0.2). */
    public static FaultRates uniform(double rate) {
        return new FaultRates(rate, rate, rate, rate, rate);
    }
}
