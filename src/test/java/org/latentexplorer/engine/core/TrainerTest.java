package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.store.Models;
import org.latentexplorer.i18n.Messages;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
    private static final long TIMEOUT_MS = 60_000;

    private static ImageSet train;
    /** 640 training images: 10 batches of 64. */
    private static ImageSet small;
    private static ImageSet heldOut;

    @BeforeAll
    static void loadData() throws Exception {
        Split split = TestImages.mnist();
        train = split.train();
        small = TestImages.first(train, 640);
        heldOut = TestImages.first(split.heldOut(), 200);
    }

    /** Everything a listener hears, in order. */
    static final class Recorder implements TrainerListener {
        final List<StepEvent> steps = new CopyOnWriteArrayList<>();
        final List<EvalEvent> evals = new CopyOnWriteArrayList<>();
        final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<Trainer.State> states = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        /** The trainer's own thread, which steps are reported on. */
        volatile Thread trainerThread;

        @Override
        public void onStep(StepEvent event) {
            trainerThread = Thread.currentThread();
            steps.add(event);
        }

        @Override
        public void onEval(EvalEvent event) {
            evals.add(event);
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void onStateChanged(Trainer.State state) {
            states.add(state);
        }

        @Override
        public void onFailure(Throwable error) {
            failures.add(error);
        }

        Snapshot lastSnapshot() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(2);
        }
    }

    /**
     * Waits until the trainer's thread is blocked waiting for its next turn, paused with no step to take: from then on
     * no step can happen until the test allows one, so what the test reads next is final, with no sleep to guess how
     * long the step under way still takes.
     */
    private static void waitUntilItWaitsForItsTurn(Recorder r) throws InterruptedException {
        waitUntil("the trainer waits for its turn", () -> {
            Thread t = r.trainerThread;
            return t != null && t.getState() == Thread.State.WAITING
                    && Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getMethodName().equals("awaitTurn"));
        });
    }

    private static Autoencoder newAutoencoder() {
        return new Autoencoder(Autoencoder.Config.defaults(2));
    }

    @Test
    void aRunReportsNumberedStepsEvaluationsAndPrivateSnapshots() throws Exception {
        Autoencoder model = newAutoencoder();
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(2, 64, 7, 5, 4));
        Recorder r = new Recorder();
        trainer.addListener(r);
        assertThat(trainer.state()).isEqualTo(Trainer.State.IDLE);
        assertThat(trainer.batchesPerEpoch()).isEqualTo(10);
        assertThat(trainer.totalSteps()).isEqualTo(20);

        trainer.start();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.FINISHED);
        assertThat(r.states).containsExactly(Trainer.State.RUNNING, Trainer.State.FINISHED);
        assertThat(r.failures).isEmpty();
        assertThat(trainer.step()).isEqualTo(20);

        assertThat(r.steps).extracting(TrainerListener.StepEvent::step)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).asLongStream().boxed().toList());
        for (TrainerListener.StepEvent e : r.steps) {
            long zeroBased = e.step() - 1;
            assertThat(e.epoch()).as("epoch of step %d", e.step()).isEqualTo(zeroBased / 10 + 1);
            assertThat(e.batch()).as("batch of step %d", e.step()).isEqualTo(zeroBased % 10 + 1);
            assertThat(e.batchesPerEpoch()).isEqualTo(10);
            assertThat(e.progress()).isCloseTo(e.step() / 20.0, within(1e-12));
            assertThat(e.train().isFinite()).isTrue();
            assertThat(e.samplesPerSecond()).isPositive();
        }
        assertThat(r.steps.get(19).progress()).isEqualTo(1.0);
        assertThat(trainer.progress()).isEqualTo(1.0);

        // Every evalEvery steps and at each epoch's end.
        assertThat(r.evals).extracting(TrainerListener.EvalEvent::step).containsExactly(5L, 10L, 15L, 20L);
        assertThat(r.evals).extracting(TrainerListener.EvalEvent::epoch).containsExactly(1, 1, 2, 2);
        double firstEval = r.evals.get(0).heldOut().get(Autoencoder.RECON_BCE);
        double lastEval = r.evals.get(3).heldOut().get(Autoencoder.RECON_BCE);
        assertThat(lastEval).isLessThan(firstEval);
        assertThat(trainer.lastHeldOut()).isSameAs(r.evals.get(3).heldOut());
        // The last evaluation was of the final model.
        assertThat(Trainer.evaluate(model, heldOut).get(Autoencoder.RECON_BCE)).isCloseTo(lastEval, within(1e-3));

        // Every snapshotEvery steps and at each epoch's end.
        assertThat(r.snapshots).extracting(TrainerListener.Snapshot::step).containsExactly(4L, 8L, 10L, 12L, 16L, 20L);
        INDArray last = r.lastSnapshot().parameters();
        assertThat(last).isEqualTo(model.parameters());
        assertThat(r.snapshots.get(0).parameters()).isNotEqualTo(last);
        INDArray lastCopy = last.dup();
        model.parameters().addi(1); // mutate the trained network itself
        model.trainBatch(Tensors.rows(small.gather(new int[] {0, 1, 2, 3}), 4));
        assertThat(last).isEqualTo(lastCopy);
        assertThat(model.parameters()).isNotEqualTo(last);
    }

    @Test
    void atExitEveryRunningTrainerIsStoppedAndWaitedFor() throws Exception {
        // Two runs far longer than the test; the exit hook's work must end both before the process would.
        Trainer running = new Trainer(newAutoencoder(), train, heldOut, new TrainingConfig(5, 32, 3, 1000, 1000));
        Trainer paused = new Trainer(newAutoencoder(), train, heldOut, new TrainingConfig(5, 32, 4, 1000, 1000));
        running.start();
        paused.step(1);
        waitUntil("both have taken a step", () -> running.step() >= 1 && paused.step() >= 1);

        assertThat(Trainer.stopAllAndWait(TIMEOUT_MS)).isTrue();
        for (Trainer t : List.of(running, paused)) {
            assertThat(t.await(1)).isTrue();
            assertThat(t.state()).isEqualTo(Trainer.State.STOPPED);
            assertThat(t.step()).isLessThan(t.totalSteps());
        }
        // Ended runs are no longer waited for.
        assertThat(Trainer.stopAllAndWait(1)).isTrue();
    }

    @Test
    void pauseHoldsStepAdvancesByOneAndStopKeepsTheModelUsable() throws Exception {
        Autoencoder model = newAutoencoder();
        // 9000 images in batches of 32, 5 epochs: far more steps than the test lets it take.
        Trainer trainer = new Trainer(model, train, heldOut, new TrainingConfig(5, 32, 3, 1000, 1000));
        Recorder r = new Recorder();
        trainer.addListener(r);
        trainer.start();
        waitUntil("3 steps are done", () -> trainer.step() >= 3);
        trainer.pause();
        long atPause = trainer.step();
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);
        // The step under way when pause() came may still finish, but no other.
        waitUntilItWaitsForItsTurn(r);
        long held = trainer.step();
        assertThat(held).isBetween(atPause, atPause + 1);
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);

        trainer.step(1);
        waitUntil("the single step is done", () -> trainer.step() > held);
        waitUntilItWaitsForItsTurn(r);
        assertThat(trainer.step()).isEqualTo(held + 1);
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);

        trainer.resume();
        assertThat(trainer.state()).isEqualTo(Trainer.State.RUNNING);
        waitUntil("training goes on after resume", () -> trainer.step() >= held + 4);
        trainer.stop();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.STOPPED);
        assertThat(r.states).containsExactly(Trainer.State.RUNNING, Trainer.State.PAUSED, Trainer.State.RUNNING,
                Trainer.State.STOPPED);
        assertThat(trainer.step()).isLessThan(trainer.totalSteps());
        assertThat(r.steps).extracting(TrainerListener.StepEvent::step)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, (int) trainer.step()).asLongStream().boxed().toList());
        // On stop the views get the model as it was stopped.
        assertThat(r.lastSnapshot().step()).isEqualTo(trainer.step());
        assertThat(r.lastSnapshot().parameters()).isEqualTo(model.parameters());
        assertThat(r.failures).isEmpty();

        assertThat(Trainer.evaluate(model, heldOut).get(Autoencoder.RECON_BCE)).isFinite();
        Trainer again = new Trainer(model, small, heldOut, TrainingConfig.of(1, 64, 5));
        again.start();
        assertThat(again.await(TIMEOUT_MS)).isTrue();
        assertThat(again.state()).isEqualTo(Trainer.State.FINISHED);
        assertThat(again.step()).isEqualTo(10);
        assertThat(again.lastHeldOut().get(Autoencoder.RECON_BCE)).isFinite();
    }

    @Test
    void stepFromIdleTakesExactlyTheStepsAskedForAndStaysPaused() throws Exception {
        FakeModel model = new FakeModel(784, 4);
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(3, 64, 1, 100, 100));
        Recorder r = new Recorder();
        trainer.addListener(r);

        trainer.step(1);
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);
        waitUntil("the first step is done", () -> trainer.step() >= 1);
        waitUntilItWaitsForItsTurn(r);
        assertThat(trainer.step()).isEqualTo(1);
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);

        trainer.step(2);
        waitUntil("two more steps are done", () -> trainer.step() >= 3);
        waitUntilItWaitsForItsTurn(r);
        assertThat(trainer.step()).isEqualTo(3);
        assertThat(model.calls).isEqualTo(3);
        assertThat(trainer.state()).isEqualTo(Trainer.State.PAUSED);

        trainer.stop();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();
        assertThat(trainer.state()).isEqualTo(Trainer.State.STOPPED);
        assertThat(model.calls).isEqualTo(3);
        assertThat(r.states).containsExactly(Trainer.State.PAUSED, Trainer.State.STOPPED);
    }

    @Test
    void aNanLossFailsTheRunAndRestoresTheLastSnapshot() throws Exception {
        FakeModel model = new FakeModel(784, 6);
        model.nanLossAtCall = 8;
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(2, 64, 1, 100, 3));
        Recorder r = new Recorder();
        trainer.addListener(r);

        trainer.start();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.FAILED);
        assertThat(r.states).containsExactly(Trainer.State.RUNNING, Trainer.State.FAILED);
        assertThat(model.calls).isEqualTo(8);
        assertThat(r.steps).allSatisfy(e -> assertThat(e.train().isFinite()).isTrue());
        assertThat(r.failures).singleElement().isInstanceOf(TrainingDivergedException.class);
        TrainingDivergedException e = (TrainingDivergedException) r.failures.get(0);
        assertThat(e.step()).isEqualTo(8);

        assertThat(r.snapshots).extracting(TrainerListener.Snapshot::step).containsExactly(3L, 6L);
        assertThat(model.parameters()).isEqualTo(r.lastSnapshot().parameters());
        assertThat(model.parameters().meanNumber().doubleValue()).isEqualTo(6.0); // as it was after step 6

        String english = Messages.describe(Locale.ENGLISH, e);
        assertThat(english).contains("step 8").contains("step 6").doesNotContain("{0");
        String japanese = Messages.describe(Messages.JAPANESE, e);
        assertThat(japanese).contains("ステップ 8").contains("ステップ 6").contains("発散");
    }

    @Test
    void aNanLossBeforeAnySnapshotRestoresTheInitialParameters() throws Exception {
        FakeModel model = new FakeModel(784, 6);
        model.nanLossAtCall = 2;
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(1, 64, 1, 100, 5));
        Recorder r = new Recorder();
        trainer.addListener(r);
        trainer.start();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.FAILED);
        assertThat(r.snapshots).isEmpty();
        assertThat(model.parameters().meanNumber().doubleValue()).isEqualTo(0.0);
        assertThat(r.failures).singleElement().isInstanceOf(TrainingDivergedException.class);
        assertThat(Messages.describe(Locale.ENGLISH, r.failures.get(0))).contains("step 2").contains("step 0");
    }

    @Test
    void parametersThatWentNanBehindAFiniteLossAreNeverKeptAsTheLastGoodOnes() throws Exception {
        // A step can report a finite loss (computed before its update) while the update itself wrecks the
        // parameters; if that step is a snapshot step, the wrecked parameters must not become the restore point.
        FakeModel model = new FakeModel(784, 6);
        model.nanParamsAtCall = 6;
        model.nanLossAtCall = 7;
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(2, 64, 1, 100, 3));
        Recorder r = new Recorder();
        trainer.addListener(r);
        trainer.start();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.FAILED);
        assertThat(r.failures).singleElement().isInstanceOf(TrainingDivergedException.class);
        assertThat(r.snapshots).allSatisfy(s -> assertThat(s.parameters().isNaN().any()).isFalse());
        assertThat(model.parameters().isNaN().any()).as("restored parameters hold NaN").isFalse();
        assertThat(model.parameters()).isEqualTo(r.lastSnapshot().parameters());
        assertThat(model.parameters().meanNumber().doubleValue()).isEqualTo(3.0);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyKindThatDivergesIsRestoredToItsLastGoodParameters(ModelKind kind) throws Exception {
        GenerativeModel model = Models.create(kind, 784, Models.defaultLatentSize(kind), 1e-3, 3);
        // A restore point every 2 steps; after step 3 every parameter is wrecked, as a diverging update would.
        Trainer trainer = new Trainer(model, small, heldOut, new TrainingConfig(1, 64, 1, 100, 2));
        Recorder r = new Recorder();
        trainer.addListener(r);
        trainer.addListener(new TrainerListener() {
            @Override
            public void onStep(StepEvent event) {
                if (event.step() == 3) {
                    model.setParameters(model.parameters().dup().assign(Double.NaN));
                }
            }
        });
        trainer.start();
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();

        assertThat(trainer.state()).isEqualTo(Trainer.State.FAILED);
        assertThat(r.failures).singleElement().isInstanceOfSatisfying(TrainingDivergedException.class,
                e -> assertThat(e.args()).containsExactly(4L, 2L));
        assertThat(r.snapshots).extracting(TrainerListener.Snapshot::step).containsExactly(2L);
        assertThat(Tensors.allFinite(model.parameters())).as("restored parameters are finite").isTrue();
        assertThat(model.parameters()).isEqualTo(r.lastSnapshot().parameters());
    }

    @Test
    void rejectsAModelOfAnotherInputSize() {
        assertThatThrownBy(() -> new Trainer(new FakeModel(100, 4), small, heldOut, TrainingConfig.of(1, 64, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100").hasMessageContaining("784");
    }

    @Test
    void runsOnlyOnce() throws Exception {
        Trainer trainer = new Trainer(new FakeModel(784, 4), small, heldOut, new TrainingConfig(1, 64, 1, 100, 100));
        trainer.pause(); // not running: nothing happens
        assertThat(trainer.state()).isEqualTo(Trainer.State.IDLE);
        trainer.start();
        assertThatThrownBy(trainer::start).isInstanceOf(IllegalStateException.class);
        assertThat(trainer.await(TIMEOUT_MS)).isTrue();
        assertThat(trainer.state()).isEqualTo(Trainer.State.FINISHED);
        assertThatThrownBy(trainer::start).isInstanceOf(IllegalStateException.class);
        assertThat(trainer.step()).isEqualTo(10);
    }

    @Test
    void evaluateAveragesOverAllImagesWeightedByBatchSize() {
        // 1200 images: batches of 500, 500 and 200, so an unweighted mean of the batches would differ. The fake
        // model's loss is the batch's mean pixel, so the right answer is the mean pixel of all 1200 images.
        ImageSet images = TestImages.first(train, 1200);
        double sum = 0;
        for (float v : images.gather(IntStream.range(0, 1200).toArray())) {
            sum += v;
        }
        double meanPixel = sum / (1200 * 784);
        double lastBatchMean = 0;
        for (float v : images.gather(IntStream.range(1000, 1200).toArray())) {
            lastBatchMean += v;
        }
        lastBatchMean /= 200 * 784;
        assertThat(Math.abs(lastBatchMean - meanPixel)).as("the test needs batches that differ").isGreaterThan(1e-3);
        assertThat(Trainer.evaluate(new FakeModel(784, 4), images).get(FakeModel.LOSS)).isCloseTo(meanPixel, within(1e-5));
    }
}
