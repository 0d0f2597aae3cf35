package io.roundup.product.web;

import io.roundup.product.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/** A price as {@link Money} accepts it; each problem is reported on the field ({@code amount}, {@code currency}) it concerns. */
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidMoney.Validator.class)
@interface ValidMoney {

    String message() default "must be an amount of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidMoney, ProductRequest.MoneyRequest> {

        @Override
        public boolean isValid(ProductRequest.MoneyRequest money, ConstraintValidatorContext context) {
            if (money == null) {
                return true;
            }
            Optional<String> currency =
                    money.currency() == null ? Optional.of("is required") : Money.currencyProblem(money.currency());
            Optional<String> amount = money.amount() == null
                    ? Optional.of("is required")
                    : Money.amountProblem(money.amount(), money.currency());
            context.disableDefaultConstraintViolation();
            currency.ifPresent(problem -> context.buildConstraintViolationWithTemplate(escape(problem))
                    .addPropertyNode("currency")
                    .addConstraintViolation());
            amount.ifPresent(problem -> context.buildConstraintViolationWithTemplate(escape(problem))
                    .addPropertyNode("amount")
                    .addConstraintViolation());
            return currency.isEmpty() && amount.isEmpty();
        }

        /** Messages are templates; ours are plain text. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
