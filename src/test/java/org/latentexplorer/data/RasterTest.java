package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RasterTest {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;

    @Test
    void inkIsBlackOnWhiteAndClamped() {
        assertThat(Raster.ink(1)).isEqualTo(BLACK);
        assertThat(Raster.ink(0)).isEqualTo(WHITE);
        assertThat(Raster.ink(0.5f)).isEqualTo(0xFF808080);
        assertThat(Raster.ink(7)).isEqualTo(BLACK);
        assertThat(Raster.ink(-1)).isEqualTo(WHITE);
    }

    @Test
    void tilesLayImagesOutInRowsScaledWithGaps() {
        // Three 1 x 2 images, two to a row, each pixel 3 x 3, 1 pixel apart.
        List<float[]> images = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1});
        Raster r = Raster.tiles(images, 1, 2, 2, 1, 3);

        assertThat(r.width()).isEqualTo(2 * 6 + 1);
        assertThat(r.height()).isEqualTo(2 * 3 + 1);
        int[] row0 = new int[r.width()];
        System.arraycopy(r.argb(), 0, row0, 0, r.width());
        // Image 0: black, white; gap; image 1: white, black.
        assertThat(row0).containsExactly(BLACK, BLACK, BLACK, WHITE, WHITE, WHITE, Raster.GAP,
                WHITE, WHITE, WHITE, BLACK, BLACK, BLACK);
        assertThat(r.argb()[3 * r.width()]).as("the gap between rows").isEqualTo(Raster.GAP);
        assertThat(r.argb()[4 * r.width() + 5]).as("image 2, second pixel").isEqualTo(BLACK);
        assertThat(r.argb()[4 * r.width() + 8]).as("no fourth image").isEqualTo(Raster.GAP);
    }

    @Test
    void aCaptionAddsAStripUnderThePictureWithTheTextInBlack() {
        Raster picture = Raster.filled(200, 10, 0xFF336699);
        Raster captioned = picture.withCaption("step 120", 2);

        assertThat(captioned.width()).isEqualTo(200);
        assertThat(captioned.height()).isEqualTo(10 + 2 * PixelFont.HEIGHT + 2 * 4);
        assertThat(captioned.argb()[9 * 200 + 199]).as("the picture is kept").isEqualTo(0xFF336699);
        assertThat(captioned.argb()[10 * 200 + 199]).as("the strip is white").isEqualTo(WHITE);
        long black = java.util.Arrays.stream(captioned.argb()).filter(p -> p == BLACK).count();
        assertThat(black).isGreaterThan(40);
        // A wider text than the picture widens the strip instead of being cut.
        assertThat(Raster.filled(4, 4, WHITE).withCaption("step 99999", 1).width())
                .isEqualTo(PixelFont.width("step 99999") + 4);
    }

    @Test
    void aCropCutsARectangleAndKeepsWithinThePicture() {
        Raster r = new Raster(3, 2, new int[] {1, 2, 3, 4, 5, 6});
        assertThat(r.crop(1, 0, 2, 2).argb()).containsExactly(2, 3, 5, 6);
        Raster clipped = r.crop(2, 1, 10, 10);
        assertThat(clipped.width()).isEqualTo(1);
        assertThat(clipped.argb()).containsExactly(6);
    }

    @Test
    void thePixelFontRefusesCharactersItCannotDraw() {
        assertThatThrownBy(() -> Raster.filled(10, 10, WHITE).withCaption("ステップ", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
