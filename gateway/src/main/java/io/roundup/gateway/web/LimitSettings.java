package io.roundup.gateway.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Size limits on what clients may send through the gateway ({@code roundup.limits.*}). */
@Validated
@ConfigurationProperties("roundup.limits")
record LimitSettings(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {

    @AssertTrue(message = "must be between 1 byte and 512MB")
    boolean isMaxBodySizeSensible() {
        return maxBodySize == null
                || (maxBodySize.toBytes() > 0 && maxBodySize.compareTo(DataSize.ofMegabytes(512)) <= 0);
    }
}
