package dev.orderflow.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Breaks the rule that use cases know no technology, from the inventory's published API (its base package), which
 * the rule once did not see: for ArchitectureRulesCanFailTest only.
 */
public class PublishedUseCaseUsingJackson {

    public String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
