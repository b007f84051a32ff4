package dev.orderflow.order.domain.breaking;

import org.springframework.util.StringUtils;

/** Breaks the rule that the domain is plain Java: for ArchitectureRulesCanFailTest only. */
public class DomainUsingSpring {

    public boolean blank(String text) {
        return !StringUtils.hasText(text);
    }
}
