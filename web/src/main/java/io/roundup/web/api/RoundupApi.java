package io.roundup.web.api;

import io.roundup.web.api.ApiModel.Article;
import io.roundup.web.api.ApiModel.ArticleList;
import io.roundup.web.api.ApiModel.Related;
import io.roundup.web.api.ApiModel.SearchResults;
import io.roundup.web.api.ApiModel.Suggestions;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public API through the gateway, as an outside client reads it: no service address, no token, and nothing the
 * gateway's checks would not let a reader do. A failure to reach it is an {@link ApiUnavailable}; a page that has
 * nothing to show (unknown or unpublished slug) is an empty answer.
 */
@Component
public class RoundupApi {

    private static final Logger log = LoggerFactory.getLogger(RoundupApi.class);

    private final RestClient http;
    private final URI base;

    RoundupApi(RestClient.Builder builder, ApiSettings settings) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.requestFactory(requests).build();
        this.base = settings.uri();
    }

    /** {@code GET /api/search} with the reader's parameters as given (repeated for multi-select facets). */
    public SearchResults search(MultiValueMap<String, String> params) {
        return get(uri("/api/search", List.of(), params), SearchResults.class);
    }

    public Suggestions suggest(String prefix) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", prefix);
        return get(uri("/api/search/suggest", List.of(), params), Suggestions.class);
    }

    /** The published roundup under this slug or a former one; empty when there is none (unknown or unpublished). */
    public Optional<Article> articleBySlug(String slug) {
        try {
            return Optional.ofNullable(get(
                    uri("/api/articles/by-slug/{slug}", List.of(slug), new LinkedMultiValueMap<>()), Article.class));
        } catch (HttpClientErrorException.NotFound ex) {
            return Optional.empty();
        }
    }

    /** Related roundups; none when search cannot say, since a page reads well without them. */
    public Related related(String articleId) {
        try {
            return get(uri("/api/search/related/{id}", List.of(articleId), new LinkedMultiValueMap<>()), Related.class);
        } catch (RestClientException | ApiUnavailable ex) {
            log.warn("Related reviews of {} unavailable: {}", articleId, ex.toString());
            return new Related(List.of());
        }
    }

    /** Published roundups, newest first, filtered by one field ({@code author} or {@code category}). */
    public ArticleList articles(Map<String, String> filter, int page, int size) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        filter.forEach(params::add);
        params.add("page", Integer.toString(page));
        params.add("size", Integer.toString(size));
        return get(uri("/api/articles", List.of(), params), ArticleList.class);
    }

    private <T> T get(URI uri, Class<T> type) {
        try {
            return http.get().uri(uri).retrieve().body(type);
        } catch (HttpClientErrorException ex) {
            throw ex;
        } catch (RestClientException ex) {
            throw new ApiUnavailable(uri.getPath(), ex);
        }
    }

    /** Every value is encoded strictly, so a reader's "&" or "#" stays inside its parameter. */
    private URI uri(String path, List<String> pathValues, MultiValueMap<String, String> params) {
        List<Object> values = new ArrayList<>(pathValues);
        String template = path;
        for (int i = 0; i < pathValues.size(); i++) {
            template = template.replaceFirst("\\{[a-z]+}", "{p" + i + "}");
        }
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(template);
        int n = values.size();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                builder.queryParam(param.getKey(), "{p" + n++ + "}");
                values.add(value);
            }
        }
        return builder.encode().buildAndExpand(values.toArray()).toUri();
    }
}
