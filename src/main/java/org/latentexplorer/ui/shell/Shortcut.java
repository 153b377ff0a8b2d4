package org.latentexplorer.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keyboard shortcuts, as the menus show them and the Help menu lists them. Function keys and Ctrl (Command on a
 * Mac) combinations rather than Space or letters, which buttons and text fields need for themselves; the window catches
 * them before the focused control, so they act wherever the focus is.
 */
public enum Shortcut {
    OPEN_EXPERIMENT("shortcut.openExperiment", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN)),
    SAVE_EXPERIMENT("shortcut.saveExperiment", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN)),
    PLAY_PAUSE("shortcut.playPause", new KeyCodeCombination(KeyCode.F5)),
    STEP("shortcut.step", new KeyCodeCombination(KeyCode.F6)),
    STOP("shortcut.stop", new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN)),
    PREVIOUS_SECTION("shortcut.previousSection", new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN)),
    NEXT_SECTION("shortcut.nextSection", new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN)),
    CLASSROOM("shortcut.classroom", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN)),
    FULL_SCREEN("shortcut.fullScreen", new KeyCodeCombination(KeyCode.F11));

    private final String labelKey;
    private final KeyCombination keys;

    Shortcut(String labelKey, KeyCombination keys) {
        this.labelKey = labelKey;
        this.keys = keys;
    }

    public String labelKey() {
        return labelKey;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** Ctrl+1 (Command+1 on a Mac) for the chapter's first section, and so on. */
    public static KeyCombination section(Section s) {
        return new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(s.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }
}
