package dev.daehwa.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Stores {@link Instant}s in {@code TIMESTAMP WITH TIME ZONE} columns on both databases. Without
 * it, EclipseLink 4.0 treats an Instant as a Serializable and writes bytes. The drivers disagree
 * on the rest: PostgreSQL cannot bind an Instant and reads back a Timestamp, H2 reads back an
 * OffsetDateTime. Both bind an OffsetDateTime in UTC, so that is what is written, and any of the
 * types a driver may hand back is read. The column type is declared as Object for that reason,
 * which makes EclipseLink bind a null as untyped: see EnvironmentDataSource for PostgreSQL.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("Not a point in time: " + value.getClass().getName());
        };
    }
}
