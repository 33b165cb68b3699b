package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every block shape, compared byte for byte with its reviewed golden files. Each file ends with the one
 * newline editors add; the block itself has none, so exactly that newline is removed before comparing.
 */
class BlockRendererGoldenTest {

    static List<RenderCase> cases() {
        return RenderCase.goldenCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendered_text_matches_the_golden_file(RenderCase renderCase) throws IOException {
        RenderedBlock block = BlockRenderer.render(renderCase.coordinates());

        assertThat(block.text()).isEqualTo(golden(renderCase.name() + ".txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendered_html_matches_the_golden_file(RenderCase renderCase) throws IOException {
        RenderedBlock block = BlockRenderer.render(renderCase.coordinates());

        assertThat(block.html()).isEqualTo(golden(renderCase.name() + ".html"));
    }

    private static String golden(String fileName) throws IOException {
        String resource = "/fixtures/block/" + fileName;
        try (InputStream in = BlockRendererGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(content).as("golden file %s ends with one newline", resource).endsWith("\n").doesNotEndWith("\n\n");
            return content.substring(0, content.length() - 1);
        }
    }
}
