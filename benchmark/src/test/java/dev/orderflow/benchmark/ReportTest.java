package dev.orderflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aRunReplacesOnlyItsOwnPartOfThePage() {
        String page = "intro by hand\n" + Report.BEGIN + "# Performance\nold figures\n" + Report.END
                + "\n## Container images\nwritten by hand\n";

        String after = Report.splice(page, "# Performance\nnew figures\n");

        assertThat(after).isEqualTo("intro by hand\n" + Report.BEGIN + "# Performance\nnew figures\n" + Report.END
                + "\n## Container images\nwritten by hand\n");
    }

    @Test
    void aPageWithoutMarkersIsWrittenWholeWithThem() {
        assertThat(Report.splice("", "# Performance\n")).isEqualTo(Report.BEGIN + "# Performance\n" + Report.END);
        assertThat(Report.splice("only an end " + Report.END, "x\n")).isEqualTo(Report.BEGIN + "x\n" + Report.END);
    }
}
