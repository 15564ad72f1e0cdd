package io.github.poolbench.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer for {@code TYPE_INT_RGB} images: IHDR, one IDAT and IEND, nothing else, so
 * no time or software chunk can make equal charts differ. Pixels go out as opaque RGBA, which is
 * the int pixel rotated by a byte and bulk-copied, unfiltered, at zlib's fastest level: chart
 * pictures are flat colour, so the file stays small, and this runs several times faster than
 * ImageIO's writer, which tries every filter on every row.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int NONE = 0;

    private PngEncoder() {}

    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected TYPE_INT_RGB, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 8);
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream fields = new DataOutputStream(header);
            fields.writeInt(width);
            fields.writeInt(height);
            fields.writeByte(8); // bits per sample
            fields.writeByte(6); // colour type: RGB with alpha
            fields.writeByte(0); // deflate
            fields.writeByte(0); // adaptive filtering
            fields.writeByte(0); // no interlace
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 8);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
                int[] rgba = new int[width];
                java.nio.ByteBuffer row = java.nio.ByteBuffer.allocate(width * 4); // big-endian: R, G, B, A
                for (int y = 0; y < height; y++) {
                    int offset = y * width;
                    for (int x = 0; x < width; x++) {
                        rgba[x] = (pixels[offset + x] << 8) | 0xFF;
                    }
                    row.clear();
                    row.asIntBuffer().put(rgba);
                    zlib.write(NONE);
                    zlib.write(row.array(), 0, width * 4);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart", e); // in-memory streams do not fail
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream stream = new DataOutputStream(out);
        stream.writeInt(data.length);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        stream.write(name);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }
}
