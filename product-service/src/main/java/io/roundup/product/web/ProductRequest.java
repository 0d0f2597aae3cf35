package io.roundup.product.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.roundup.product.Money;
import io.roundup.product.Offer;
import io.roundup.product.ProductDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/products} and {@code PUT /api/products/{id}}: every field an editor may write. Strings
 * arrive trimmed (and blank optional ones as absent) before any rule is checked.
 */
@KnownFieldsOnly(serverOwned = {"id", "revision", "createdAt", "updatedAt", "lowestPrice", "deleted"})
record ProductRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotNull(message = "is required")
        @Pattern(
                regexp = "[a-z][a-z0-9-]{0,29}",
                message = "must be a lowercase word such as music, film, book or gear")
        String kind,

        @Size(max = 100, message = "must be at most 100 characters")
        String brand,

        @Size(max = 50, message = "must have at most 50 entries")
        Map<
                        @NotBlank(message = "names must not be blank")
                        @Size(max = 60, message = "names must be at most 60 characters") String,
                        @NotNull(message = "must be a string")
                        @Size(max = 500, message = "must be at most 500 characters") String>
                attributes,

        @Size(max = 20, message = "must have at most 20 offers")
        List<@NotNull(message = "must be an offer") @Valid OfferRequest> offers,

        @Size(max = 2000, message = "must be at most 2000 characters") @HttpUrl
        String imageUrl,

        @JsonAnySetter Map<String, Object> unexpected)
        implements KnownFieldsOnly.Lenient {

    ProductRequest {
        name = trim(name);
        kind = trim(kind);
        brand = blankToNull(trim(brand));
        imageUrl = blankToNull(trim(imageUrl));
        if (attributes != null) {
            Map<String, String> trimmed = new LinkedHashMap<>();
            attributes.forEach((key, value) -> trimmed.put(trim(key), trim(value)));
            attributes = trimmed;
        }
    }

    /** The validated request as the catalog's model; call only once validation found nothing. */
    ProductDetails toDetails() {
        List<Offer> offerList = offers == null
                ? List.of()
                : offers.stream()
                        .map(o -> new Offer(
                                o.retailer(),
                                o.url(),
                                Money.of(o.price().amount(), o.price().currency())))
                        .toList();
        return ProductDetails.of(name, kind, brand, attributes, offerList, imageUrl);
    }

    @KnownFieldsOnly
    record OfferRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            String retailer,

            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") @HttpUrl
            String url,

            @NotNull(message = "is required") @Valid MoneyRequest price,
            @JsonAnySetter Map<String, Object> unexpected)
            implements KnownFieldsOnly.Lenient {

        OfferRequest {
            retailer = trim(retailer);
            url = trim(url);
        }
    }

    /** A price as the client sent it: {@code amount} may arrive as a JSON string or number; both are read as text. */
    @KnownFieldsOnly
    @ValidMoney
    record MoneyRequest(
            String amount, String currency, @JsonAnySetter Map<String, Object> unexpected)
            implements KnownFieldsOnly.Lenient {

        MoneyRequest {
            amount = trim(amount);
            currency = trim(currency);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
