package io.roundup.e2e.corpus;

import static io.roundup.e2e.corpus.Vocabulary.ADVERBS;
import static io.roundup.e2e.corpus.Vocabulary.DURATIONS;
import static io.roundup.e2e.corpus.Vocabulary.FAULTS;
import static io.roundup.e2e.corpus.Vocabulary.NOUNS;
import static io.roundup.e2e.corpus.Vocabulary.PRAISE;
import static io.roundup.e2e.corpus.Vocabulary.VERBS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Review prose from sentence templates whose slots are filled from Zipf-weighted word pools and the product at hand:
 * common words recur as they do in real reviews, product and people names stay rare, and no two paragraphs of a large
 * corpus come out the same. Slots: {@code {P}} the product, {@code {M}} its maker (brand, director, author, artist),
 * {@code {X}} a rival in the same roundup, {@code {S}} the subject ("espresso grinders"), {@code {F}} a feature,
 * {@code {C}} a use, {@code {G}}/{@code {B}} a praise/fault word, {@code {A}} an adverb, {@code {D}} a duration,
 * {@code {N}} a noun, {@code {V}} a verb, {@code {K}} a small number, {@code {Q}} a measurement, {@code {T}} a place,
 * {@code {H}} a tester's name, {@code {R}} a coined name from the long tail ({@link Vocabulary#LEXICON}).
 */
final class Prose {

    private static final List<String> GEAR_SENTENCES = List.of(
            "The {P} is {A} {G}, and it stays that way after {D} of use.",
            "We used the {P} for {D}, mostly for {C}, and it never felt {B}.",
            "Its {F} is the best we have measured at this price, although the {N} feels {B}.",
            "Compared with the {X}, the {P} {V} {C} with less fuss.",
            "{M} has clearly listened to owners: the {F} is now {G} and the {N} is {A} {G}.",
            "If {C} matters most to you, the {P} is the one to buy.",
            "The weak point is the {N}, which is {B} and takes a while to get used to.",
            "After {D} the {F} still felt {G}, which is more than we can say for the {X}.",
            "The {P} {V} the {X} on {F}, but it costs about {K} times as much to keep running.",
            "It is not the cheapest of these {S}, yet the {F} makes the difference obvious within a day.",
            "Our testers kept reaching for the {P} for {C}.",
            "There is little to complain about: the {F} is {G}, the {N} is {G} and the {N} is {A} {G}.",
            "Where it falls short is {F}; it is {A} {B} next to the best {S} here.",
            "The {P} is {G} rather than flashy, and that suits {C}.",
            "Set-up took {K} minutes, and the instructions were {G}.",
            "For {C}, the {F} is {A} more useful than any spec sheet suggests.",
            "Some of our panel found it {B} at first, but {D} later nobody wanted to give it back.",
            "The {N} is {G}, the {F} {A} {G}, and the whole thing feels built to last.",
            "We would like a {G} {N}, but at this price that is a small thing to ask.",
            "Against the {X}, it trades a little {F} for a {G} {N}.",
            "{M} offers a {K}-year warranty, which says something about how it is made.",
            "The {F} is where the {P} earns its place in this list.",
            "Owners of older {S} will notice the {F} first: it is {A} {G}.",
            "It is {B} in one respect only, the {N}, and most people will never notice.",
            "On a trip to {T}, {H} from our panel used it every day and logged {Q} hours with it.",
            "Our sample weighed {Q} g on the kitchen scale, and the {F} held up after {Q} uses.",
            "We measured {Q} units on our {F} test, against {Q} for the {X}.",
            "{H}, who tests {S} for us in {T}, called it the most {G} model of the year.");

    private static final List<String> WORK_SENTENCES = List.of(
            "{P} is {M} at their most {G}, and it still feels {A} fresh.",
            "We came back to {P} after {D} and found more in it each time.",
            "The {F} is what makes {P} worth owning, even next to {X}.",
            "It is {A} {G}, though parts of it feel {B} today.",
            "For {C}, there is no better place to start than {P}.",
            "This edition of {P} has a {G} {N}, and the {F} is {A} {G}.",
            "Where {X} is {G}, {P} is {A} {G}; the two make a fine pair.",
            "Nobody else handles {F} quite like {M}, and {P} shows why.",
            "Some find the opening {B}, but it {V} patience within {K} pages.",
            "The {F} alone justifies a place on the shelf, ahead of {X}.",
            "{M} {V} the genre's habits with a {G} touch.",
            "Our panel argued about the ending for {D}, which is a good sign.",
            "The {N} is {G} and the {F} {A} {G}; only the {N} lets it down.",
            "If you know {X}, {P} will feel {A} familiar, and then it surprises you.",
            "It rewards {C} more than anything else in this list.",
            "The {F} has aged {A} well, far better than the {N}.",
            "{H} on our panel first found it in a shop in {T} and has owned {Q} copies since.",
            "This pressing runs {Q} minutes, and the {F} on side two is {A} {G}.",
            "{H} read it on a train to {T} and called the {F} {G}.");

    private static final List<String> INTRO_SENTENCES = List.of(
            "Good {S} do more than tick boxes: they make {C} easier, and that is what we judged them on.",
            "We spent {D} with {K} {S}, using them for {C} and comparing them side by side.",
            "Prices range widely, so we looked hard at what the extra money buys in {F} and {F}.",
            "Our picks favour {G} all-rounders over spec-sheet champions.",
            "Every one of these {S} was chosen by our panel after {D} of {C}.",
            "We judged each on **{F}**, **{F}** and **{F}**, which is what matters for {C}.",
            "The best {S} are not always the newest, and a few older favourites made the list.",
            "Whether you want something {G} for {C} or a {G} upgrade, there is a pick here for you.");

    private static final List<String> GUIDE_ITEMS = List.of(
            "*{F}* matters most for {C}.",
            "*{F}* is worth paying for if you care about {N}.",
            "Look for {G} {F}; {B} {F} is the commonest complaint we hear.",
            "*{F}* separates good {S} from great ones.",
            "Check the {N}: a {G} {N} saves money in the long run.",
            "*{F}* should be {G}, not merely {G}.",
            "For {C}, favour {F} over {F}.");

    private static final List<String> GUIDE_OPENINGS = List.of(
            "**What matters most?** It depends on {C}.",
            "**Where to start?** Decide how you will use them: for {C}, or for {C}.",
            "**How much to spend?** The sweet spot for {S} is in the middle of the range.",
            "**New or classic?** Most of the {S} here have been around for a while, and that is a strength.");

    private static final List<String> FINAL_SENTENCES = List.of(
            "The {P} is the one we would buy with our own money.",
            "If {F} comes first, choose the {X}; on a tight budget, the {Y} does the essentials well.",
            "None of these {S} is a bad choice, but the {P} is the one we keep recommending.",
            "We will keep testing new {S} and update this list as they arrive.",
            "For {C}, start with the {P}; everyone else should look at the {X} too.");

    private static final List<String> SUMMARY_SENTENCES = List.of(
            "{K} {S} ranked after {D} of {C}.",
            "The {S} worth buying, tested over {D} for {C} and everyday use.",
            "Our pick of the best {S}, from {G} all-rounders to {G} bargains.",
            "{K} {S} that stood out for {F} and {F}, tested for {C}.",
            "From {C} to {C}: the {S} we would choose, and why.");

    private static final List<String> FEATURE_SENTENCES = List.of(
            "{A} {G}, and the best in this test.",
            "{G} and {G}; better than the {X}.",
            "Among the most {G} we tried, though a little {B}.",
            "{G} for {C}.",
            "Good, not great: {B} next to the {X}.",
            "{G} after {D} of {C}.",
            "{A} {G} for the money.");

    private static final List<String> BIO_SENTENCES = List.of(
            "{N} has reviewed {S} for {K} years.",
            "{N} tests everything twice and still trusts experience over the charts.",
            "{N} writes about {S} and {S}, and keeps a long list of favourites.",
            "Before joining us, {N} spent {K} years in retail, selling {S}.");

    private static final Pattern A_BEFORE_VOWEL = Pattern.compile("\\b([Aa]) ([aeiou])");

    /** Asides that name something in passing: where coined names enter the text. */
    private static final List<String> ASIDES = List.of(
            ", as {H} from {R} pointed out",
            " (the {R} edition is no different)",
            ", unlike the old {R} we tested last year",
            ", much as {R} promised",
            " on the {R} test track",
            ", according to our {R} notes",
            " next to the {R} and the {R}");

    private static final Zipf<String> LEXICON = new Zipf<>(Vocabulary.LEXICON);

    private final Zipf<String> praise = new Zipf<>(PRAISE);
    private final Zipf<String> faults = new Zipf<>(FAULTS);
    private final Zipf<String> adverbs = new Zipf<>(ADVERBS);
    private final Zipf<String> durations = new Zipf<>(DURATIONS);
    private final Zipf<String> nouns = new Zipf<>(NOUNS);
    private final Zipf<String> verbs = new Zipf<>(VERBS);
    private final Zipf<String> gearSentences = new Zipf<>(GEAR_SENTENCES, 0.6);
    private final Zipf<String> workSentences = new Zipf<>(WORK_SENTENCES, 0.6);

    /** What a template's slots are filled from. */
    record Scene(Subject subject, String product, String maker, String rival, String other) {}

    /** A review body: one to five paragraphs of three to seven sentences, a feature set in bold now and then. */
    String body(Scene scene, RandomGenerator random) {
        int paragraphs = 1 + weighted(random, 3, 4, 3, 2, 1);
        List<String> out = new ArrayList<>();
        Zipf<String> sentences = scene.subject().isWork() ? workSentences : gearSentences;
        for (int p = 0; p < paragraphs; p++) {
            out.add(paragraph(sentences, 3 + random.nextInt(5), scene, random));
        }
        return String.join("\n\n", out);
    }

    String intro(Scene scene, RandomGenerator random) {
        return paragraph(new Zipf<>(INTRO_SENTENCES, 0.4), 3 + random.nextInt(3), scene, random);
    }

    String summary(Scene scene, RandomGenerator random) {
        return sentence(SUMMARY_SENTENCES.get(random.nextInt(SUMMARY_SENTENCES.size())), scene, random);
    }

    /** A buying guide: an opening question, then a Markdown list of what to look for. */
    String buyingGuide(Scene scene, RandomGenerator random) {
        StringBuilder guide =
                new StringBuilder(sentence(GUIDE_OPENINGS.get(random.nextInt(GUIDE_OPENINGS.size())), scene, random));
        guide.append(' ')
                .append(paragraph(scene.subject().isWork() ? workSentences : gearSentences, 2, scene, random))
                .append("\n\nWhat to look for:\n");
        int items = 3 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            guide.append("\n- ").append(sentence(GUIDE_ITEMS.get(random.nextInt(GUIDE_ITEMS.size())), scene, random));
        }
        return guide.toString();
    }

    String finalThoughts(Scene scene, RandomGenerator random) {
        List<String> templates = new ArrayList<>(FINAL_SENTENCES);
        List<String> out = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            out.add(sentence(templates.remove(random.nextInt(templates.size())), scene, random));
        }
        return String.join(" ", out);
    }

    String featureDescription(Scene scene, RandomGenerator random) {
        return capitalise(sentence(FEATURE_SENTENCES.get(random.nextInt(FEATURE_SENTENCES.size())), scene, random));
    }

    String bio(String firstName, Scene scene, RandomGenerator random) {
        String first = BIO_SENTENCES.get(random.nextInt(BIO_SENTENCES.size())).replace("{N}", firstName);
        String second = BIO_SENTENCES.get(random.nextInt(BIO_SENTENCES.size())).replace("{N}", firstName);
        return first.equals(second)
                ? sentence(first, scene, random)
                : sentence(first, scene, random) + " " + sentence(second, scene, random);
    }

    /** Sentences that do not repeat a template within the paragraph (as long as there are others to choose). */
    private String paragraph(Zipf<String> sentences, int count, Scene scene, RandomGenerator random) {
        List<String> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String template = sentences.pick(random);
            for (int retry = 0; used.contains(template) && retry < 4; retry++) {
                template = sentences.pick(random);
            }
            used.add(template);
            out.add(sentence(template, scene, random));
        }
        return String.join(" ", out);
    }

    private String sentence(String template, Scene scene, RandomGenerator random) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        List<String> features = new ArrayList<>(2);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char slot = template.charAt(i + 1);
                String value = slot(slot, scene, random);
                for (int retry = 0; slot == 'F' && features.contains(value) && retry < 4; retry++) {
                    value = slot(slot, scene, random);
                }
                features.add(value);
                out.append(value);
                i += 2;
            } else {
                out.append(c);
            }
        }
        if (random.nextInt(10) < 3 && out.length() > 1 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
            String aside = ASIDES.get(random.nextInt(ASIDES.size()));
            for (int i = 0; i < aside.length(); i++) {
                char c = aside.charAt(i);
                if (c == '{' && i + 2 < aside.length() && aside.charAt(i + 2) == '}') {
                    out.append(slot(aside.charAt(i + 1), scene, random));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            out.append('.');
        }
        String text = A_BEFORE_VOWEL.matcher(out).replaceAll("$1n $2");
        return text.startsWith("*") ? "*" + capitalise(text.substring(1)) : capitalise(text);
    }

    private String slot(char slot, Scene scene, RandomGenerator random) {
        Subject subject = scene.subject();
        return switch (slot) {
            case 'P' -> scene.product();
            case 'M' -> scene.maker();
            case 'X' -> scene.rival();
            case 'Y' -> scene.other();
            case 'S' -> subject.plural().toLowerCase(Locale.ROOT);
            case 'F' ->
                subject.features()
                        .get(random.nextInt(subject.features().size()))
                        .toLowerCase(Locale.ROOT);
            case 'C' -> subject.contexts().get(random.nextInt(subject.contexts().size()));
            case 'G' -> praise.pick(random);
            case 'B' -> faults.pick(random);
            case 'A' -> adverbs.pick(random);
            case 'D' -> durations.pick(random);
            case 'N' -> nouns.pick(random);
            case 'V' -> verbs.pick(random);
            case 'K' -> Integer.toString(2 + random.nextInt(9));
            case 'Q' -> Integer.toString(10 + random.nextInt(1990));
            case 'T' -> Vocabulary.PLACES.get(random.nextInt(Vocabulary.PLACES.size()));
            case 'R' -> LEXICON.pick(random);
            case 'H' -> Vocabulary.FIRST_NAMES.get(random.nextInt(Vocabulary.FIRST_NAMES.size()));
            default -> "{" + slot + "}";
        };
    }

    /** An index with the given relative weights. */
    static int weighted(RandomGenerator random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int at = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String capitalise(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
