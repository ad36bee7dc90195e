package dev.superapp.batch.platform;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * The skeleton every platform client is built on. Its settings become a request builder {@code S}
 * (base URL, credentials, signer) when the client is first used rather than when the application
 * starts, so an application that never calls a platform starts without its credentials; a base URL
 * that is set but may not be trusted is refused at once. Each call then builds a fresh request per
 * attempt (fresh timestamps and nonces), sends it through the shared {@link PlatformTransport} and is
 * retried by this platform's {@link ResilientCaller} as its {@link PlatformEndpoint} says. Thread-safe.
 *
 * @param <S> what this platform builds its requests with
 */
public final class PlatformCalls<S> {

    /** Reads one answer into a result, or says why it is unusable. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(PlatformAnswer answer) throws UnusableAnswer;
    }

    private final PlatformTransport transport;
    private final ResilientCaller caller;
    private final Supplier<S> configure;
    private volatile S configured;

    /**
     * @param baseUrl   the platform's base URL setting and its value, refused here when it may not be trusted
     * @param configure checks the settings and builds {@code S}; throws {@link PlatformNotConfiguredException}
     *                  naming the first missing one
     * @throws PlatformNotConfiguredException the base URL is set but may not be trusted
     */
    public PlatformCalls(PlatformTransport transport, ResilientCaller caller, PlatformSetting baseUrl, String baseUrlValue,
                         Supplier<S> configure) {
        transport.refuseUntrusted(baseUrl, baseUrlValue);
        this.transport = transport;
        this.caller = caller;
        this.configure = configure;
    }

    /**
     * The request builder, its settings checked; until they are good every use checks them again, so
     * the message names the first missing setting each time.
     *
     * @throws PlatformNotConfiguredException naming the first missing or unusable setting
     */
    public S configured() {
        S value = configured;
        if (value == null) {
            // Two threads racing here build equal values from the same settings; either may win.
            value = configure.get();
            configured = value;
        }
        return value;
    }

    /**
     * One call: {@code request} is built again for every attempt, and its answer read by {@code reader}.
     *
     * @throws PlatformException              as {@link ResilientCaller#call} says
     * @throws PlatformNotConfiguredException the settings are missing; nothing was sent
     */
    public <T> T call(PlatformEndpoint endpoint, Function<S, Request> request, AnswerReader<T> reader) {
        return call(endpoint, ResilientCaller.ALWAYS, request, reader);
    }

    /** {@link #call(PlatformEndpoint, Function, AnswerReader)}, asking {@code mayLeave} before each attempt leaves. */
    public <T> T call(PlatformEndpoint endpoint, BooleanSupplier mayLeave, Function<S, Request> request, AnswerReader<T> reader) {
        S builder = configured();
        return caller.call(endpoint, mayLeave, () -> reader.read(transport.send(endpoint, request.apply(builder))));
    }
}
