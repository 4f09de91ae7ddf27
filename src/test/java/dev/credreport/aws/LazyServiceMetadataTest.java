package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * credreport's lazy copy of the SDK's GeneratedServiceMetadataProvider (src/sdk/java) gives, for
 * every service name, an instance of the same class as the SDK's own, read here from the SDK's
 * regions jar, so that an SDK upgrade that adds or renames a service fails the build.
 */
class LazyServiceMetadataTest {
    private static final String NAME = "software.amazon.awssdk.regions.GeneratedServiceMetadataProvider";

    @Test
    void should_give_the_same_metadata_as_the_sdks_own_for_every_service() throws Exception {
        Map<String, Class<?>> sdk = sdksTable();
        GeneratedServiceMetadataProvider lazy = new GeneratedServiceMetadataProvider();

        assertEquals(312, sdk.size(), "the SDK's table, as read; a new count means an SDK upgrade: compare again");
        for (Map.Entry<String, Class<?>> service : sdk.entrySet()) {
            ServiceMetadata metadata = lazy.serviceMetadata(service.getKey());
            assertNotNull(metadata, service.getKey());
            assertSame(service.getValue(), metadata.getClass(), service.getKey());
        }
        assertNull(lazy.serviceMetadata("no-such-service"));
        assertNull(lazy.serviceMetadata(null));
    }

    @Test
    void should_be_the_one_the_sdk_uses() {
        assertEquals(GeneratedServiceMetadataProvider.class.getProtectionDomain().getCodeSource().getLocation(),
                AwsSettings.class.getProtectionDomain().getCodeSource().getLocation(), "credreport's copy, not the SDK's");
        assertEquals(Region.US_EAST_1, ServiceMetadata.of("iam").signingRegion(Region.AWS_GLOBAL));
    }

    /** The SDK's own class, read from its jar into a class loader of its own, and its map of services. */
    @SuppressWarnings("unchecked")
    private static Map<String, Class<?>> sdksTable() throws Exception {
        URL jar = ServiceMetadata.class.getProtectionDomain().getCodeSource().getLocation();
        byte[] bytes;
        try (ZipFile zip = new ZipFile(jar.getPath());
                InputStream in = zip.getInputStream(zip.getEntry(NAME.replace('.', '/') + ".class"))) {
            bytes = in.readAllBytes();
        }
        ClassLoader own = new ClassLoader(LazyServiceMetadataTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(NAME)) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        Field field = own.loadClass(NAME).getDeclaredField("SERVICE_METADATA");
        field.setAccessible(true);
        Map<String, Class<?>> table = new TreeMap<>();
        ((Map<String, ServiceMetadata>) field.get(null)).forEach((name, metadata) -> table.put(name, metadata.getClass()));
        return table;
    }
}
