package org.latentexplorer.ui.shell;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.latentexplorer.ui.ae.AutoencoderView;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.gan.GanView;
import org.latentexplorer.ui.ganlab.GanLabView;
import org.latentexplorer.ui.intro.SeasonView;
import org.latentexplorer.ui.intro.SkewedDieView;
import org.latentexplorer.ui.vae.VaeView;
import org.latentexplorer.ui.vqvae.VqVaeView;

/**
 * Each section's view, built the first time it shows or in the idle time after the window is up: the window shows as
 * soon as its first section is built, and a later switch finds the section built, styled and laid out.
 */
final class SectionViews {
    private static final Duration HIDDEN_SECTION_PAUSE = Duration.millis(300);
    private final MainViewModel vm;
    private final Consumer<Node> prepare;
    private final Map<Section, Node> views = new EnumMap<>(Section.class);

    /** @param prepare styles and lays out a section built in the background, before it is first shown */
    SectionViews(MainViewModel vm, Consumer<Node> prepare) {
        this.vm = vm;
        this.prepare = prepare;
    }

    Node view(Section s) {
        return views.computeIfAbsent(s, this::build);
    }

    private Node build(Section s) {
        I18n i18n = vm.i18n();
        return switch (s) {
            case AUTOENCODER -> new AutoencoderView(vm.autoencoder(), i18n);
            case VAE -> new VaeView(vm.vae(), vm.compare(), i18n);
            case GAN -> new GanView(vm.gan(), i18n);
            case VQVAE -> new VqVaeView(vm.vqvae(), i18n);
            case GAN_PROBLEMS -> new GanLabView(vm.lab(), vm.divergences(), i18n);
            case GENERATIVE -> new SkewedDieView(vm.generative(), i18n);
            case LATENT -> new SeasonView(vm.latent(), i18n);
        };
    }

    /** Builds the sections not shown yet, one at a time with a pause between them for the window to stay responsive. */
    void buildHidden() {
        Section next = Arrays.stream(Section.values()).filter(s -> !views.containsKey(s)).findFirst().orElse(null);
        if (next == null) {
            return;
        }
        PauseTransition pause = new PauseTransition(HIDDEN_SECTION_PAUSE);
        pause.setOnFinished(e -> {
            prepare.accept(view(next));
            buildHidden();
        });
        pause.play();
    }
}
