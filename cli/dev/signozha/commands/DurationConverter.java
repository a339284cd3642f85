package dev.signozha.commands;

import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations the way operators write them: 300s, 10m, 2h. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        if (!value.matches("\\d+[smh]")) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 300s, 10m or 2h");
        }
        return GoDuration.parse(value).orElseThrow();
    }
}
