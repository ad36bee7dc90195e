package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console endpoint, collected from the handler mapping (so a new page is covered without touching this test):
 * each role gets what the access matrix below says, and no crafted path value or parameter gets a 500 — every
 * refusal is a 4xx that says something. A page whose address fits no row of the matrix fails the test until the
 * matrix says who may open it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
class ConsoleEndpointsTest {

    private static final String PASSWORD = "correct horse battery";

    /** Who may open what, by address prefix; the first matching row decides. Empty: anyone, signed in or not. */
    private static final Map<String, Set<ConsoleRole>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("/login", Set.of());
        MATRIX.put("/callbacks/", Set.of());
        MATRIX.put("/campaigns", EnumSet.of(ConsoleRole.MARKETING, ConsoleRole.ADMIN));
        MATRIX.put("/suppressions", EnumSet.of(ConsoleRole.MARKETING, ConsoleRole.ADMIN));
        MATRIX.put("/reports/reconciliation", EnumSet.of(ConsoleRole.FINANCE, ConsoleRole.ADMIN));
        MATRIX.put("/reports/campaigns", EnumSet.allOf(ConsoleRole.class));
        MATRIX.put("/users", EnumSet.of(ConsoleRole.ADMIN));
        MATRIX.put("/runs", EnumSet.allOf(ConsoleRole.class));
        MATRIX.put("/api/runs/", EnumSet.allOf(ConsoleRole.class));
        MATRIX.put("/", EnumSet.allOf(ConsoleRole.class));
    }

    /** Malformed, huge, negative, overflowing, and hostile values for every path variable and parameter. */
    private static final List<String> CRAFTED = List.of("", "x", "-1", "0", "-9223372036854775808",
            "99999999999999999999999999", "1e9", "1.5", "NaN", "../../etc/passwd", "%00", "\u0000", "<script>",
            "' OR '1'='1", "x".repeat(5000), "\uD83D\uDCA5", "2026-02-30", "9999-99-99", " 1 ");

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    private final Map<ConsoleRole, Session> sessions = new EnumMap<>(ConsoleRole.class);
    /** The last answer's Location header and body. */
    private String location = "";
    private String lastBody = "";

    private record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
    }

    private record Session(String cookie, String csrf) {
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
    }

    @BeforeEach
    void oneSessionPerRole() throws Exception {
        for (ConsoleRole role : ConsoleRole.values()) {
            String name = "walker-" + role.name().toLowerCase(Locale.ROOT);
            users.save(name, PASSWORD, role);
            sessions.put(role, signIn(name));
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Set<ConsoleRole> allowed = allowed(endpoint.pattern());
            String url = expand(endpoint.pattern(), "1");
            int anonymous = call(endpoint.method(), url, Map.of(), null);
            // Signed out: sent to sign in, 401 from the API, or 403 for a form without its session's CSRF token.
            if (!allowed.isEmpty() && !(anonymous == 302 && location.endsWith("/login") || anonymous == 401 || anonymous == 403)) {
                wrong.add(endpoint + " signed out: " + anonymous);
            }
            for (ConsoleRole role : ConsoleRole.values()) {
                int status = call(endpoint.method(), url, Map.of(), sessions.get(role));
                boolean refused = status == 403 || status == 401 || status == 302 && location.endsWith("/login");
                if (refused == (allowed.isEmpty() || allowed.contains(role))) {
                    wrong.add(endpoint + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noCraftedPathValueOrParameterGetsA500AndEveryRefusalSaysWhy() throws Exception {
        List<String> wrong = new ArrayList<>();
        Session admin = sessions.get(ConsoleRole.ADMIN);
        for (Endpoint endpoint : endpoints()) {
            for (String value : CRAFTED) {
                check(wrong, endpoint, expand(endpoint.pattern(), value), Map.of(), admin);
                for (String parameter : parameters(endpoint.handler())) {
                    check(wrong, endpoint, expand(endpoint.pattern(), "1"), Map.of(parameter, value), admin);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(List<String> wrong, Endpoint endpoint, String url, Map<String, String> parameters, Session session)
            throws Exception {
        int status = call(endpoint.method(), url, parameters, session);
        if (status >= 500 || status >= 400 && lastBody.isBlank()) {
            wrong.add(endpoint.method() + " " + url.substring(0, Math.min(url.length(), 120)) + " " + parameters.keySet()
                    + ": " + status + " " + lastBody.substring(0, Math.min(lastBody.length(), 200)));
        }
    }

    private int call(RequestMethod method, String url, Map<String, String> parameters, Session session) throws Exception {
        HttpUrl.Builder address = HttpUrl.get("http://127.0.0.1:" + port + url).newBuilder();
        Request.Builder request = new Request.Builder();
        if (method == RequestMethod.GET) {
            parameters.forEach(address::addQueryParameter);
            request.get();
        } else {
            FormBody.Builder form = new FormBody.Builder();
            parameters.forEach(form::add);
            if (session != null) {
                form.add("_csrf", session.csrf());
            }
            request.post(form.build());
        }
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        try (Response response = http.newCall(request.url(address.build()).build()).execute()) {
            location = response.header("Location", "");
            lastBody = response.body().string();
            return response.code();
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (mapping.getValue().getBeanType().getPackageName().startsWith("org.springframework")) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method, pattern, mapping.getValue()));
                }
            }
        }
        assertThat(endpoints).as("the console's endpoints").hasSizeGreaterThan(10);
        return endpoints;
    }

    private static Set<ConsoleRole> allowed(String pattern) {
        for (Map.Entry<String, Set<ConsoleRole>> row : MATRIX.entrySet()) {
            if (row.getKey().equals("/") ? pattern.equals("/") : pattern.startsWith(row.getKey())) {
                return row.getValue();
            }
        }
        return fail("no row of the access matrix covers " + pattern + ": add one saying who may open it");
    }

    /** Every {@code @RequestParam} the handler names (a map of all parameters names none). */
    private static List<String> parameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
                names.add(name == null ? "" : name);
            }
        }
        return names;
    }

    /** The pattern with every {@code {variable}} replaced by {@code value}, percent-encoded as one path segment. */
    private static String expand(String pattern, String value) {
        String segment = HttpUrl.get("http://h/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
        return pattern.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(segment));
    }

    private Session signIn(String username) throws Exception {
        String cookie;
        try (Response form = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/login").build()).execute()) {
            cookie = form.header("Set-Cookie").split(";")[0];
            lastBody = form.body().string();
        }
        Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/login").header("Cookie", cookie)
                .post(new FormBody.Builder().add("username", username).add("password", PASSWORD)
                        .add("_csrf", token(lastBody)).build()).build();
        try (Response answer = http.newCall(post).execute()) {
            assertThat(answer.header("Location")).doesNotContain("/login");
            cookie = answer.header("Set-Cookie") == null ? cookie : answer.header("Set-Cookie").split(";")[0];
        }
        try (Response home = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/")
                .header("Cookie", cookie).build()).execute()) {
            return new Session(cookie, token(home.body().string()));
        }
    }

    private static String token(String page) {
        int at = page.indexOf("name=\"_csrf\"");
        String rest = page.substring(page.indexOf("value=\"", at) + 7);
        return rest.substring(0, rest.indexOf('"'));
    }
}
