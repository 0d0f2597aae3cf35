package io.roundup.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as pages show them ({@code ${@dates.show(t)}}): "2 December 2026", in UTC like the API. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public String show(Instant time) {
        return time == null ? "" : SHOWN.format(time);
    }

    public String iso(Instant time) {
        return time == null ? "" : time.toString();
    }
}
