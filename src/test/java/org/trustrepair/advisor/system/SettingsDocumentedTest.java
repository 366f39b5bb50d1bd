package org.trustrepair.advisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md names every {@code advisor.*} setting with its default, as the settings records declare them
 * (the metadata the configuration processor writes from them at compile time).
 */
class SettingsDocumentedTest {

    @Test
    void theOperationsGuideNamesEverySettingWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        String guide = Files.readString(Path.of("docs/operations.md"));

        List<String> settings = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            if (!name.startsWith("advisor.")) {
                continue;
            }
            settings.add(name);
            JsonNode value = property.path("defaultValue");
            String row = "| `" + name + "` | "
                    + (value.isMissingNode() || value.isNull()
                            ? ""
                            : "`" + value.asText().toLowerCase() + "`");
            assertThat(guide).as("the settings table's row for " + name).contains(row);
        }
        assertThat(settings).contains("advisor.rules-dir", "advisor.max-body-bytes", "advisor.workbench.enabled");
    }
}
