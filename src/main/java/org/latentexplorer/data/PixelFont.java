package org.latentexplorer.data;

import java.util.Map;

/**
 * A 5 x 7 dot font for the few characters an exported animation writes under its frames ("step 1200"). Drawn dot by
 * dot into the pixels, so it needs no system font: the installed app runs where none may be configured.
 */
public final class PixelFont {
    public static final int HEIGHT = 7;
    private static final int GLYPH_WIDTH = 5;
    private static final int ADVANCE = GLYPH_WIDTH + 1;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[] {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[] {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}),
            Map.entry('4', new String[] {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[] {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[] {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('s', new String[] {".....", ".....", ".####", "#....", ".###.", "....#", "####."}),
            Map.entry('t', new String[] {".#...", ".#...", "####.", ".#...", ".#...", ".#..#", "..##."}),
            Map.entry('e', new String[] {".....", ".....", ".###.", "#...#", "#####", "#....", ".###."}),
            Map.entry('p', new String[] {".....", ".....", "####.", "#...#", "####.", "#....", "#...."}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private PixelFont() {
    }

    /** Width in dots of the text, without trailing space. */
    public static int width(String text) {
        return text.isEmpty() ? 0 : text.length() * ADVANCE - 1;
    }

    /** Draws the text with its top left at (x, y), each dot a {@code scale} x {@code scale} square; clipped to the picture. */
    public static void draw(Raster target, String text, int x, int y, int scale, int colour) {
        for (int i = 0; i < text.length(); i++) {
            String[] glyph = GLYPHS.get(text.charAt(i));
            if (glyph == null) {
                throw new IllegalArgumentException("no dots for '" + text.charAt(i) + "' in \"" + text + "\"");
            }
            int left = x + i * ADVANCE * scale;
            for (int r = 0; r < HEIGHT; r++) {
                for (int c = 0; c < GLYPH_WIDTH; c++) {
                    if (glyph[r].charAt(c) == '#') {
                        target.fill(left + c * scale, y + r * scale, scale, scale, colour);
                    }
                }
            }
        }
    }
}
