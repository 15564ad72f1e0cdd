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
 * no time or software chunk can make equal charts differ. Every row uses the "Up" filter and
 * zlib's fastest level: chart pictures are flat colour, and this runs several times faster than
 * ImageIO's writer, which tries every filter on every row, for files of similar size.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int UP = 2;

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
            fields.writeByte(2); // colour type: RGB
            fields.writeByte(0); // deflate
            fields.writeByte(0); // adaptive filtering
            fields.writeByte(0); // no interlace
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 8);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
                byte[] row = new byte[1 + width * 3];
                row[0] = UP;
                for (int y = 0; y < height; y++) {
                    int offset = y * width;
                    for (int x = 0; x < width; x++) {
                        int pixel = pixels[offset + x];
                        int above = y == 0 ? 0 : pixels[offset - width + x];
                        int i = 1 + x * 3;
                        row[i] = (byte) ((pixel >> 16) - (above >> 16));
                        row[i + 1] = (byte) ((pixel >> 8) - (above >> 8));
                        row[i + 2] = (byte) (pixel - above);
                    }
                    zlib.write(row);
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
