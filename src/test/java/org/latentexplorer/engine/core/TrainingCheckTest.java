package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.store.Models;

/** A run that ends with finite losses but a useless model is told apart from one that learned. */
class TrainingCheckTest {
    private static ImageSet train;
    private static ImageSet heldOut;

    @BeforeAll
    static void loadData() throws Exception {
        Split split = TestImages.mnist();
        train = TestImages.first(split.train(), 640);
        heldOut = TestImages.first(split.heldOut(), 200);
    }

    @Test
    void anAutoencoderThatLearnedHasNothingToWarnAbout() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        TrainingCheck check = TrainingCheck.before(model, heldOut);
        for (int step = 0; step < 10; step++) {
            int[] idx = IntStream.range(64 * step, 64 * step + 64).toArray();
            model.trainBatch(Tensors.rows(train.gather(idx), idx.length));
        }
        assertThat(check.after(Trainer.evaluate(model, heldOut))).isEmpty();
    }

    @Test
    void aModelNoBetterThanBeforeTrainingIsWarnedAboutInBothLanguages() {
        // The fake model's held-out loss never moves, whatever training does.
        FakeModel model = new FakeModel(784, 4);
        TrainingCheck check = TrainingCheck.before(model, heldOut);
        model.trainBatch(Tensors.rows(train.gather(new int[] {0}), 1));
        List<TrainingCheck.Warning> warnings = check.after(Trainer.evaluate(model, heldOut));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.localized(Locale.ENGLISH)).startsWith("Warning: the trained model is no better on the held-out"
                    + " images than the untrained one (fake_loss ").endsWith("try a lower learning rate");
            assertThat(w.localized(Locale.JAPANESE)).startsWith("警告").contains("fake_loss", "学習率");
        });
    }

    @Test
    void aClassifierIsJudgedByItsAccuracyWhereHigherIsBetter() {
        assertThat(TrainingCheck.ofClassifier(0.1, 0.9)).isEmpty();
        assertThat(TrainingCheck.ofClassifier(0.1, 0.08)).singleElement()
                .satisfies(w -> assertThat(w.localized(Locale.ENGLISH)).contains("(accuracy 0.08 against 0.1 before"));
    }

    @Test
    void aGansLossesSayNothingAboutItsImagesSoItIsNotJudged() {
        GenerativeModel gan = Models.create(ModelKind.GAN, 784, 8, 1e-3, 1);
        assertThat(TrainingCheck.before(gan, heldOut).after(LossTerms.of(Gan.D_LOSS, 1e6))).isEmpty();
    }
}
