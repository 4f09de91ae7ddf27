package dev.credreport.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the output file option (-o), refusing what would otherwise be taken for a surprising local
 * path: an empty one (the current directory) and a URL such as s3://bucket/key (a directory named "s3:").
 */
final class PathConverter implements ITypeConverter<Path> {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("empty path: give a file name, or '-' for standard output");
        }
        if (URL.matcher(value).matches()) {
            String scheme = value.substring(0, value.indexOf(':'));
            throw new TypeConversionException("'" + value + "': " + scheme + ":// locations are not supported; give a local path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
