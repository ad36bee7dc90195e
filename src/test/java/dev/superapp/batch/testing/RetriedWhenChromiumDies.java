package dev.superapp.batch.testing;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a browser test once more, in a new Chromium, when the browser process itself went away under it (its
 * renderer crashed or stopped answering a loaded two-core machine), and only then: a page that fails an
 * assertion, times out or throws fails the test at once. The retry restarts every static {@link ConsoleBrowser}
 * of the test class, runs its {@code @BeforeEach} methods again (they sign in, which a new profile has
 * forgotten) and then the test; a second crash fails the test with the first one attached.
 */
public final class RetriedWhenChromiumDies implements InvocationInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RetriedWhenChromiumDies.class);

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> test,
            ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            if (!ConsoleBrowser.diedUnder(failure)) {
                throw failure;
            }
            log.warn("Chromium went away under {}; running it again in a new browser: {}",
                    context.getDisplayName(), String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
            Object instance = test.getTarget().orElseThrow();
            try {
                browsersOf(instance.getClass()).forEach(ConsoleBrowser::restart);
                for (Method beforeEach : AnnotationSupport.findAnnotatedMethods(instance.getClass(), BeforeEach.class,
                        HierarchyTraversalMode.TOP_DOWN)) {
                    invoke(beforeEach, instance);
                }
                invoke(test.getExecutable(), instance, test.getArguments().toArray());
            } catch (Throwable second) {
                second.addSuppressed(failure);
                throw second;
            }
        }
    }

    private static List<ConsoleBrowser> browsersOf(Class<?> testClass) {
        return ReflectionSupport.findFields(testClass,
                        field -> Modifier.isStatic(field.getModifiers())
                                && ConsoleBrowser.class.isAssignableFrom(field.getType()),
                        HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .map(RetriedWhenChromiumDies::read)
                .toList();
    }

    private static ConsoleBrowser read(Field field) {
        return (ConsoleBrowser) ReflectionSupport.tryToReadFieldValue(field, null).toOptional().orElseThrow();
    }

    private static void invoke(Method method, Object instance, Object... arguments) throws Throwable {
        method.setAccessible(true);
        try {
            method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
