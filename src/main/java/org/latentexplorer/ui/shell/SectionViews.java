package org.latentexplorer.ui.shell;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
    /** Styling a section costs 0.6-1.3 s a pulse while start-up still loads data and models, 0.1-0.4 s after. */
    private static final Duration FIRST_PREPARE_PAUSE = Duration.seconds(6);
    private static final Duration PREPARE_PAUSE = Duration.seconds(1);
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

    /**
     * Builds the sections not shown yet, one at a time with a pause between them for the window to stay responsive;
     * then, once start-up's loading has settled, styles and lays them out, one a second.
     */
    void buildHidden() {
        Section next = Arrays.stream(Section.values()).filter(s -> !views.containsKey(s)).findFirst().orElse(null);
        if (next == null) {
            later(FIRST_PREPARE_PAUSE, () -> prepareHidden(new ArrayDeque<>(views.values())));
            return;
        }
        later(HIDDEN_SECTION_PAUSE, () -> {
            view(next);
            buildHidden();
        });
    }

    private void prepareHidden(Deque<Node> left) {
        Node next = left.poll();
        if (next != null) {
            prepare.accept(next);
            later(PREPARE_PAUSE, () -> prepareHidden(left));
        }
    }

    private static void later(Duration pause, Runnable action) {
        PauseTransition p = new PauseTransition(pause);
        p.setOnFinished(e -> action.run());
        p.play();
    }
}
