package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartLabelTest {

    private static List<String> lines(String label) {
        return new Views.Bar(label, 1, 0, 0, 0).labelLines().stream().map(Views.LabelLine::text).toList();
    }

    @Test
    void longFinnishPhaseLabels_wrapUnderTheirBar() {
        assertThat(lines("Tahto ja tekeminen")).containsExactly("Tahto ja", "tekeminen");
        assertThat(lines("Vaihtoehdot")).containsExactly("Vaihtoehdot");
        assertThat(new Views.Bar("Tahto ja tekeminen", 1, 0, 0, 0).labelLines())
                .extracting(Views.LabelLine::dy).containsExactly(0, 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ei aloitettu", "Inte påbörjat", "Vilja och handling", "Way forward", "Nykytila",
            "Tahto ja tekeminen", "Valmis", "Verklighet", "Not started"})
    void everyLine_fitsTheBar_unlessItIsOneLongWord(String label) {
        assertThat(lines(label)).allSatisfy(line ->
                assertThat(line.length() <= Views.Bar.LINE || !line.contains(" ")).isTrue());
        assertThat(String.join(" ", lines(label))).isEqualTo(label);
    }
}
