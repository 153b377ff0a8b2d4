#!/usr/bin/env python3
"""Draws the app icon and writes it in every format the installers and the window need.

The picture says "latent space": a 2-D latent plane (grid and axes) with ten coloured clusters of codes, as the
VAE section plots them, and a cursor on one cluster wired to the digit it decodes to. The digit is a real one
from the bundled MNIST file. Needs only Python 3 and ImageMagick's `convert`; rerun it after changing the design:

    python3 jpackage/icon/make-icons.py
"""
import gzip
import math
import random
import struct
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "jpackage" / "icon"
WINDOW_ICONS = ROOT / "src" / "main" / "resources" / "org" / "latentexplorer" / "icons"
S = 1024  # master size; every other size is a downscale of it

# The label colours of a ten-class scatter (a Tableau-like palette that stays apart on dark blue).
PALETTE = ["#4e9bff", "#ff9d3c", "#4fd17a", "#ff5a5f", "#b68cff",
           "#c98b62", "#ff8fd8", "#d8d8d8", "#e8e05a", "#3fe0e0"]


def mnist_digit(label, index):
    """The index-th image of the given label in the bundled MNIST file, as 28 rows of 28 bytes."""
    data = ROOT / "assets" / "data"
    with gzip.open(data / "mnist10k-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = f.read()
    n = [i for i, l in enumerate(labels) if l == label][index]
    with gzip.open(data / "mnist10k-images-idx3-ubyte.gz") as f:
        f.read(16 + n * 784)
        pixels = f.read(784)
    return [pixels[r * 28:(r + 1) * 28] for r in range(28)]


def drawing():
    """The icon as ImageMagick MVG drawing primitives on an S x S canvas."""
    rng = random.Random(7)
    m = []
    # Rounded tile with a vertical gradient, drawn as thin bands (MVG gradients are awkward to clip to a shape).
    m.append("fill none")
    for y in range(0, S, 4):
        t = y / S
        r, g, b = (int(24 + 18 * t), int(34 + 30 * t), int(84 + 60 * t))
        m.append(f"fill rgb({r},{g},{b}) rectangle 0,{y} {S},{y + 4}")
    # Latent plane: grid and the two axes.
    x0, y0, x1, y1 = 120, 230, 904, 904
    m.append("stroke rgba(255,255,255,0.16) stroke-width 4 fill none")
    for k in range(1, 8):
        x = x0 + (x1 - x0) * k / 8
        y = y0 + (y1 - y0) * k / 8
        m.append(f"line {x:.0f},{y0} {x:.0f},{y1}")
        m.append(f"line {x0},{y:.0f} {x1},{y:.0f}")
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    m.append("stroke rgba(255,255,255,0.55) stroke-width 8")
    m.append(f"line {x0},{cy:.0f} {x1},{cy:.0f}")
    m.append(f"line {cx:.0f},{y0} {cx:.0f},{y1}")
    # Ten clusters of codes around the origin, as a 2-D VAE spreads the digits.
    m.append("stroke none")
    centres = []
    for k in range(10):
        a = 2 * math.pi * k / 10 + 0.3
        rad = 150 + 110 * (k % 3) / 2
        centres.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    dots = []
    for k, (mx, my) in enumerate(centres):
        for _ in range(22):
            dots.append((k, rng.gauss(mx, 38), rng.gauss(my, 38)))
    rng.shuffle(dots)
    for k, x, y in dots:
        if x0 + 20 < x < x1 - 20 and y0 + 20 < y < y1 - 20:
            m.append(f"fill {PALETTE[k]} circle {x:.0f},{y:.0f} {x + 15:.0f},{y:.0f}")
    # The cursor on the cluster of threes, and a wire up to the decoded digit.
    px, py = centres[3]
    tile, tx, ty = 300, 650, 64
    m.append("stroke #ffffff stroke-width 12 fill none")
    m.append(f"line {px + 40:.0f},{py - 40:.0f} {tx + 20},{ty + tile - 20}")
    m.append(f"circle {px:.0f},{py:.0f} {px + 42:.0f},{py:.0f}")
    m.append(f"line {px - 70:.0f},{py:.0f} {px - 48:.0f},{py:.0f}")
    m.append(f"line {px + 48:.0f},{py:.0f} {px + 70:.0f},{py:.0f}")
    m.append(f"line {px:.0f},{py - 70:.0f} {px:.0f},{py - 48:.0f}")
    m.append(f"line {px:.0f},{py + 48:.0f} {px:.0f},{py + 70:.0f}")
    # The decoded digit: a white-framed tile of 28 x 28 grey pixels.
    m.append("stroke #ffffff stroke-width 12 fill #000000")
    m.append(f"rectangle {tx},{ty} {tx + tile},{ty + tile}")
    m.append("stroke none")
    cell = (tile - 24) / 28
    for r, row in enumerate(mnist_digit(3, 0)):
        for c, v in enumerate(row):
            if v > 20:
                x, y = tx + 12 + c * cell, ty + 12 + r * cell
                m.append(f"fill rgb({v},{v},{v}) rectangle {x:.1f},{y:.1f} {x + cell:.1f},{y + cell:.1f}")
    return "\n".join(m)


def icns(pngs, target):
    """Apple's icon container: 'icns', total length, then (type, length, PNG) entries; PNG payloads since 10.7."""
    types = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for s in sorted(types))
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        master = tmp / "master.png"
        # Round the tile's corners with a mask so the corners stay transparent on any desktop.
        subprocess.run(["convert", "-size", f"{S}x{S}", "xc:none", "-draw", drawing(),
                        "(", "-size", f"{S}x{S}", "xc:none", "-fill", "white", "-draw",
                        f"roundrectangle 0,0 {S - 1},{S - 1} 180,180", ")",
                        "-compose", "DstIn", "-composite", f"PNG32:{master}"], check=True)
        sizes = [16, 32, 48, 64, 128, 256, 512, 1024]
        pngs = {}
        for s in sizes:
            p = tmp / f"{s}.png"
            subprocess.run(["convert", str(master), "-filter", "Lanczos", "-resize", f"{s}x{s}",
                            "-strip", f"PNG32:{p}"], check=True)
            pngs[s] = p.read_bytes()
        (OUT / "LatentExplorer.png").write_bytes(pngs[256])
        subprocess.run(["convert"] + [str(tmp / f"{s}.png") for s in (16, 32, 48, 64, 128, 256)]
                       + [str(OUT / "LatentExplorer.ico")], check=True)
        icns(pngs, OUT / "LatentExplorer.icns")
        WINDOW_ICONS.mkdir(parents=True, exist_ok=True)
        for s in (16, 32, 64, 256):
            (WINDOW_ICONS / f"latent-explorer-{s}.png").write_bytes(pngs[s])


if __name__ == "__main__":
    main()
