package dev.credreport.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the line of the first byte that is not UTF-8. A Reader decodes well ahead of the CSV
 * parser, so when decoding fails the parser's line is far behind; this reads the bytes again and
 * counts line breaks (LF, CR and CRLF, as the parser does) up to the bad byte. Line breaks are
 * single bytes that never occur inside a multi-byte UTF-8 sequence, so they can be counted raw.
 */
final class Utf8Lines {
    private Utf8Lines() {
    }

    /** The 1-based line of the first malformed byte, or -1 when every byte is UTF-8. */
    static long lineOfFirstMalformed(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        int previous = -1;
        boolean end = false;
        while (true) {
            if (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
            }
            bytes.flip();
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, end);
            chars.clear();
            for (int i = start; i < bytes.position(); i++) {
                int b = bytes.get(i);
                if (b == '\r' || (b == '\n' && previous != '\r')) {
                    line++;
                }
                previous = b;
            }
            if (result.isError()) {
                return line;
            }
            if (end && !bytes.hasRemaining()) {
                return -1;
            }
            bytes.compact();
        }
    }
}
