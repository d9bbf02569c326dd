package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {

    @TempDir
    Path directory;

    @Test
    void embeddedDefault_isH2UnderData() {
        DatabaseConfig config = DatabaseConfig.embeddedDefault();

        assertThat(config.url()).isEqualTo("jdbc:h2:file:./data/kasvu");
        assertThat(config.dialect()).isEqualTo(Dialect.H2);
        assertThat(config.poolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
        assertThat(config.hasPassword()).isFalse();
    }

    @Test
    void fromEnvironment_nothingSet_isTheEmbeddedDefault() throws IOException {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of());

        assertThat(config.url()).isEqualTo(DatabaseConfig.DEFAULT_URL);
        assertThat(config.user()).isEqualTo(DatabaseConfig.DEFAULT_USER);
    }

    @Test
    void fromEnvironment_readsUrlUserPasswordAndPoolSize() throws IOException {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                "KASVU_DB_URL", "jdbc:postgresql://db.example/kasvu", "KASVU_DB_USER", "kasvu",
                "KASVU_DB_PASSWORD", "s3cret", "KASVU_DB_POOL_SIZE", "25"));

        assertThat(config.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(config.user()).isEqualTo("kasvu");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.poolSize()).isEqualTo(25);
    }

    @Test
    void fromEnvironment_urlWithoutUser_usesTheDefaultUser() throws IOException {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of("KASVU_DB_URL", "jdbc:postgresql://db/kasvu"));

        assertThat(config.user()).isEqualTo("kasvu");
        assertThat(config.url()).isEqualTo("jdbc:postgresql://db/kasvu");
    }

    @Test
    void fromEnvironment_readsThePasswordFileFirstLine() throws IOException {
        Path secret = Files.writeString(directory.resolve("password"), "from-file\r\nsecond line\n");

        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                "KASVU_DB_URL", "jdbc:postgresql://db.example/kasvu", "KASVU_DB_PASSWORD_FILE", secret.toString()));

        assertThat(config.password()).isEqualTo("from-file");
    }

    @Test
    void fromEnvironment_bothPasswordVariables_isRejectedByName() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of(
                "KASVU_DB_PASSWORD", "a", "KASVU_DB_PASSWORD_FILE", "/run/secrets/b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set either KASVU_DB_PASSWORD or KASVU_DB_PASSWORD_FILE, not both");
    }

    @Test
    void fromEnvironment_missingPasswordFile_isIoError() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of(
                "KASVU_DB_PASSWORD_FILE", directory.resolve("missing").toString())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void fromEnvironment_poolSizeNotANumber_namesTheVariable() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("KASVU_DB_POOL_SIZE", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KASVU_DB_POOL_SIZE must be a whole number: \"many\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void withPoolSize_outOfRange_namesTheValue(int size) {
        assertThatThrownBy(() -> DatabaseConfig.embeddedDefault().withPoolSize(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool size must be 1..1000: " + size);
    }

    @Test
    void of_otherDatabase_namesOnlyTheScheme() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/kasvu?password=topsecret", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database url must start with jdbc:h2: or jdbc:postgresql: but starts with \"jdbc:mysql:\"")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void toString_neverShowsThePasswordOrUrlParameters() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://db.example/kasvu?password=inurl", "kasvu", "s3cret");

        assertThat(config.toString())
                .isEqualTo("DatabaseConfig[url=jdbc:postgresql://db.example/kasvu, user=kasvu, password=(set), poolSize=10]")
                .doesNotContain("s3cret", "inurl");
    }

    @Test
    void embeddedIn_pointsIntoTheDirectory() {
        assertThat(DatabaseConfig.embeddedIn(directory).url())
                .isEqualTo("jdbc:h2:file:" + directory.toAbsolutePath().resolve("kasvu"));
    }
}
