package dev.orderflow;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The classes the services are made of: neither this module's tests nor the application module's test-jar (the
 * in-memory fakes and contracts some tests here use), which would otherwise pass for production packages.
 */
final class ProductionClasses implements ImportOption {

    private static final ImportOption NO_TEST_CLASSES = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return NO_TEST_CLASSES.includes(location) && !location.contains("-tests.jar");
    }
}
