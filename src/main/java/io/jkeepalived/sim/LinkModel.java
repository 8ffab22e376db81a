package io.jkeepalived.sim;

/**
 * How one direction of a link between two routers carries packets: a base delay plus a uniform
 * jitter, and the probabilities of losing, duplicating and reordering a packet. Without
 * reordering a link is FIFO (a later packet never overtakes an earlier one, as on a real L2
 * segment); a reordered packet is held back by up to {@code reorderExtraNs} and may be overtaken.
 *
 * @param delayNs base one-way delay
 * @param jitterNs up to this much more, uniformly
 * @param loss probability a packet is lost
 * @param duplicate probability a packet arrives twice (the copy with its own delay)
 * @param reorder probability a packet is held back and leaves the FIFO order
 * @param reorderExtraNs how long a reordered packet is held back at most
 */
public record LinkModel(long delayNs, long jitterNs, double loss, double duplicate, double reorder, long reorderExtraNs) {

    /** A perfect link with a fixed delay. */
    public static LinkModel fixed(long delayNs) {
        return new LinkModel(delayNs, 0, 0, 0, 0, 0);
    }

    public LinkModel {
        if (delayNs < 0 || jitterNs < 0 || reorderExtraNs < 0) {
            throw new IllegalArgumentException("negative delay");
        }
    }

    public LinkModel withLoss(double p) {
        return new LinkModel(delayNs, jitterNs, p, duplicate, reorder, reorderExtraNs);
    }

    public LinkModel withDuplicate(double p) {
        return new LinkModel(delayNs, jitterNs, loss, p, reorder, reorderExtraNs);
    }

    public LinkModel withReorder(double p, long extraNs) {
        return new LinkModel(delayNs, jitterNs, loss, duplicate, p, extraNs);
    }

    /** The longest a packet can take on this link: the delay bound the invariants use. */
    public long maxDelayNs() {
        return delayNs + jitterNs + (reorder > 0 ? reorderExtraNs : 0);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("delay " + Time.format(delayNs));
        if (jitterNs > 0) {
            s.append(" +").append(Time.format(jitterNs));
        }
        if (loss > 0) {
            s.append(" loss ").append(loss);
        }
        if (duplicate > 0) {
            s.append(" dup ").append(duplicate);
        }
        if (reorder > 0) {
            s.append(" reorder ").append(reorder).append(" +").append(Time.format(reorderExtraNs));
        }
        return s.toString();
    }
}
