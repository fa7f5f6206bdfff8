package dev.lambdalayer.core.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class HeaderFieldOverwriterTest {

  private static final int MAGIC = 0x04034b50;
  private static final byte[] HEADER = {0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6};

  @Test
  void overwritesAnnouncedBytesEvenWhenTheyArriveByteByByte() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (HeaderFieldOverwriter out = new HeaderFieldOverwriter(sink)) {
      out.write(new byte[] {9, 9});
      out.overwrite(2, MAGIC, 6, new byte[] {70, 71, 72});
      out.overwrite(12, MAGIC, 4, new byte[] {80});
      for (byte b : HEADER) {
        out.write(b);
      }
      out.write(HEADER, 0, HEADER.length);
      out.checkAllWritten();
      assertThat(out.count()).isEqualTo(22);
    }
    assertThat(sink.toByteArray())
        .containsExactly(
            9, 9, 0x50, 0x4b, 3, 4, 1, 2, 70, 71, 72, 6, 0x50, 0x4b, 3, 4, 80, 2, 3, 4, 5, 6);
  }

  @Test
  void aHeaderWithoutItsSignatureMeansCommonsCompressChangedItsLayout() throws IOException {
    HeaderFieldOverwriter out = new HeaderFieldOverwriter(new ByteArrayOutputStream());
    out.overwrite(1, MAGIC, 4, new byte[] {1});
    assertThatThrownBy(() -> out.write(HEADER, 0, HEADER.length))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signature 4034b50 at 1");
  }

  @Test
  void aHeaderNeverWrittenFails() throws IOException {
    HeaderFieldOverwriter out = new HeaderFieldOverwriter(new ByteArrayOutputStream());
    out.overwrite(100, MAGIC, 4, new byte[] {1});
    out.write(HEADER, 0, HEADER.length);
    assertThatThrownBy(out::checkAllWritten)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no zip header at 100");
  }
}
