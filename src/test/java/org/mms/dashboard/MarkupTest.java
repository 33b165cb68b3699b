package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void textAndAttributeValuesAreEscapedSoTheyCannotOpenAnElementOrLeaveTheirAttribute() {
        Markup cell = Markup.el("td", List.of("title", "\" onmouseover=\"x()"), Markup.text("<script>alert('1')</script> & co"));

        assertThat(cell.html()).isEqualTo("<td title=\"&quot; onmouseover=&quot;x()\">&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; co</td>");
    }

    @Test
    void anAttributeWithoutValueIsLeftOutAndVoidElementsGetNoEndTag() {
        Markup input = Markup.el("input", Arrays.asList("type", "hidden", "checked", null));

        assertThat(input.html()).isEqualTo("<input type=\"hidden\">");
    }
}
