package org.trustrepair.advisor.advice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trustrepair.advisor.advice.facts.Situation;

/** The rules' class loader finds what the application has, and remembers what it does not. */
class RulesClassLoaderTest {

    @Test
    void findsTheApplicationsClassesAndRemembersANameItDoesNotHave() throws Exception {
        RulesClassLoader loader = RulesClassLoader.SHARED;
        // a name no rule build in this test run has tried (the loader is shared, and remembers for the whole run)
        String name = "org.trustrepair.advisor.advice.reason" + System.nanoTime();

        assertThat(loader.loadClass(Situation.class.getName())).isSameAs(Situation.class);
        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
        assertThat(loader.knownMissing(name)).isFalse();

        assertThatThrownBy(() -> loader.loadClass(name)).isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.knownMissing(name)).isTrue();
        assertThatThrownBy(() -> loader.loadClass(name))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessage(name);
        assertThat(loader.knownMissing(Situation.class.getName())).isFalse();
    }
}
