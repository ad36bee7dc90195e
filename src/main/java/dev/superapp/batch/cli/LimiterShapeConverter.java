package dev.superapp.batch.cli;

import dev.superapp.batch.sandbox.LimiterShape;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --limiter=fixed|sliding|bucket}, lower case as typed; anything else is a bad argument (exit 2). */
final class LimiterShapeConverter implements ITypeConverter<LimiterShape> {

    @Override
    public LimiterShape convert(String value) {
        try {
            return LimiterShape.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
