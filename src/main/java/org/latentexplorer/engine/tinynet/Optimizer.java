package org.latentexplorer.engine.tinynet;

import java.util.Arrays;

/**
 * Gradient steps on a flat parameter array. Adam for the GAN, RMSProp for WGAN's critic as its paper advises
 * (momentum destabilises a clipped critic), SGD with momentum as in the GAN paper. The state is one flat array, so
 * Unrolled GAN can save and restore it.
 */
public abstract sealed class Optimizer permits Optimizer.Adam, Optimizer.RmsProp, Optimizer.Momentum {
    protected double learningRate;

    Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    public void setLearningRate(double lr) {
        learningRate = lr;
    }

    public double learningRate() {
        return learningRate;
    }

    /** One descent step: params -= update(grads). */
    public abstract void step(double[] params, double[] grads);

    public abstract double[] saveState();

    public abstract void restoreState(double[] state);

    public static Optimizer adam(int size, double lr) {
        return new Adam(size, lr);
    }

    public static Optimizer rmsProp(int size, double lr) {
        return new RmsProp(size, lr);
    }

    /**
     * SGD with momentum: unlike Adam and RMSProp, which divide by the gradient's running size, its steps shrink with
     * the gradient, so a vanishing gradient stops the player.
     */
    public static Optimizer momentum(int size, double lr) {
        return new Momentum(size, lr);
    }

    /** Adam with beta1 = 0.5, the DCGAN paper's choice for both players. */
    static final class Adam extends Optimizer {
        private static final double B1 = 0.5;
        private static final double B2 = 0.999;
        private static final double EPS = 1e-8;
        private final double[] m;
        private final double[] v;
        private long t;

        Adam(int size, double lr) {
            super(lr);
            m = new double[size];
            v = new double[size];
        }

        @Override
        public void step(double[] params, double[] grads) {
            t++;
            double c1 = 1 - Math.pow(B1, t);
            double c2 = 1 - Math.pow(B2, t);
            for (int i = 0; i < params.length; i++) {
                double g = grads[i];
                m[i] = B1 * m[i] + (1 - B1) * g;
                v[i] = B2 * v[i] + (1 - B2) * g * g;
                params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
            }
        }

        @Override
        public double[] saveState() {
            double[] s = Arrays.copyOf(m, 2 * m.length + 1);
            System.arraycopy(v, 0, s, m.length, v.length);
            s[2 * m.length] = t;
            return s;
        }

        @Override
        public void restoreState(double[] s) {
            System.arraycopy(s, 0, m, 0, m.length);
            System.arraycopy(s, m.length, v, 0, v.length);
            t = (long) s[2 * m.length];
        }
    }

    static final class RmsProp extends Optimizer {
        private static final double DECAY = 0.9;
        private static final double EPS = 1e-8;
        private final double[] v;

        RmsProp(int size, double lr) {
            super(lr);
            v = new double[size];
        }

        @Override
        public void step(double[] params, double[] grads) {
            for (int i = 0; i < params.length; i++) {
                double g = grads[i];
                v[i] = DECAY * v[i] + (1 - DECAY) * g * g;
                params[i] -= learningRate * g / (Math.sqrt(v[i]) + EPS);
            }
        }

        @Override
        public double[] saveState() {
            return v.clone();
        }

        @Override
        public void restoreState(double[] s) {
            System.arraycopy(s, 0, v, 0, v.length);
        }
    }

    /** v = μ v + g, params -= lr v, with the GAN paper's μ = 0.5. */
    static final class Momentum extends Optimizer {
        private static final double MU = 0.5;
        private final double[] v;

        Momentum(int size, double lr) {
            super(lr);
            v = new double[size];
        }

        @Override
        public void step(double[] params, double[] grads) {
            for (int i = 0; i < params.length; i++) {
                v[i] = MU * v[i] + grads[i];
                params[i] -= learningRate * v[i];
            }
        }

        @Override
        public double[] saveState() {
            return v.clone();
        }

        @Override
        public void restoreState(double[] s) {
            System.arraycopy(s, 0, v, 0, v.length);
        }
    }
}
