package dev.superapp.batch.testing;

import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One platform sandbox for the whole test run, started on first use. Tests keep out of each
 * other's way by using their own trade numbers.
 */
public final class TestSandbox {

    public static final String APP_ID = "test-app";
    public static final String SECRET = "test-secret-0123456789";
    /** Longer than the read timeout {@link #register} sets, so an injected timeout is one for the client. */
    private static final Duration HANG = Duration.ofSeconds(3);

    private static SandboxServer server;

    private TestSandbox() {
    }

    public static synchronized SandboxServer server() {
        if (server == null) {
            server = SandboxServer.start(SandboxSettings.defaults(APP_ID, SECRET).withTimeoutHang(HANG));
        }
        return server;
    }

    public static SandboxPlatform platform() {
        return server().platform();
    }

    /** Points the application's platform clients at the sandbox, with a read timeout shorter than its hang. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("superapp.base-url", () -> server().baseUrl());
        registry.add("superapp.app-id", () -> APP_ID);
        registry.add("superapp.secret", () -> SECRET);
        registry.add("cardform.base-url", () -> server().baseUrl());
        registry.add("cardform.miniapp-id", () -> APP_ID);
        registry.add("cardform.biz-id", () -> SandboxCardForm.DEFAULT_BIZ_ID);
        registry.add("cardform.secret-access-key", () -> SECRET);
        registry.add("mos.base-url", () -> server().baseUrl());
        registry.add("mos.app-key", () -> APP_ID);
        registry.add("mos.app-secret", () -> SECRET);
        registry.add("platform.read-timeout", () -> "1s");
    }
}
