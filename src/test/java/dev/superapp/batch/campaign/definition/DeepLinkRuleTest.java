package dev.superapp.batch.campaign.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 003 §4.3: its own examples pass, and each way of breaking them is named. */
class DeepLinkRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "launcherdlt://miniapp?appId=1000083312531542016&h5Path=&query=",
            "launcherdlt://miniapp?appId=1000083312531542016&h5Path=xxx&query=",
            "launcherdlt://miniapp?appId=1000083312531542016&h5Path=%2Fexample&query=param%3D1",
            "launcherdlt://miniapp?appId=1000083312531542016&page=&query=",
            "launcherdlt://miniapp?appId=1000083312531542016&page=pages/index/index&query=",
            "launcherdlt://miniapp?appId=1000083312531542016&page=pages/index/index&query=param%3D1",
            "launcherdlt://miniapp?appId=300000&h5Path=%2Fexample&query=param%3D1"})
    void acceptsTheSeedsExamples(String link) {
        assertThat(DeepLinkRule.problems(link)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "launcherdlt://miniapp?appId=1&h5Path=/example&query=param%3D1 | has h5Path value '/example' that is not URL-encoded",
            "launcherdlt://miniapp?appId=1&page=pages/index/index&query=param=1 | has query value 'param=1' that is not URL-encoded",
            "launcherdlt://miniapp?appId=1&h5Path=%2Fa&query=a%3D1&b=2 | has unknown parameter 'b=2'",
            "launcherdlt://miniapp?h5Path=%2Fa&query= | needs a non-empty appId parameter",
            "launcherdlt://miniapp?appId=&page=&query= | needs a non-empty appId parameter",
            "launcherdlt://miniapp?appId=1&h5Path=%2Fa | needs a query parameter",
            "launcherdlt://miniapp?appId=1&query= | needs exactly one of h5Path",
            "launcherdlt://miniapp?appId=1&h5Path=&page=&query= | needs exactly one of h5Path",
            "launcherdlt://miniapp?appId=1&appId=2&page=&query= | has parameter appId twice",
            "launcherdlt://miniapp?appId=1&page=&query=%ZZ | has query value '%ZZ' that is not URL-encoded",
            "launcherdlt://miniapp?appId=1&page&query= | has parameter page without '='",
            "launcherdlt://app?appId=1&page=&query= | must start with launcherdlt://miniapp?",
            "launcherdlt:miniapp?appId=1&page=&query= | must start with launcherdlt://miniapp?",
            "launcherdlt://miniapp | must start with launcherdlt://miniapp?"})
    void namesWhatIsWrongWithAMalformedLink(String link, String problem) {
        assertThat(DeepLinkRule.problems(link)).anySatisfy(line -> assertThat(line).contains(problem));
    }

    @ParameterizedTest
    @CsvSource({"launcherdlt://miniapp?appId=1, true", "LAUNCHERDLT:x, true", "https://example.com, false"})
    void treatsAnyLauncherdltValueAsADeepLink(String value, boolean deepLink) {
        assertThat(DeepLinkRule.isDeepLink(value)).isEqualTo(deepLink);
    }
}
