package dev.ponte.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real, headless Chromium driven through ChromeDriver, for the pages Ponte serves. Debian's
 * {@code chromium} and {@code chromium-driver} are installed by the first test that needs them
 * (as dynalite is), so a fresh machine needs nothing beforehand; Selenium is pointed at them and
 * never downloads a browser of its own. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser window of {@code width} × {@code height} CSS pixels, with an empty profile. */
    public static Browser open(int width, int height) {
        installIfMissing();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Headless as root on a machine with no outside network: no sandbox, no GPU, and none of
        // the background connections that the closed network would refuse.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page and returns what it returns. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to ten seconds for {@code condition}, checking every 50 ms; fails saying what it waited for. */
    public void waitFor(String what, java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 10 s for " + what + "; the page shows:\n"
                        + driver.findElement(org.openqa.selenium.By.tagName("body")).getText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Whether {@code condition} holds now; not yet when the page redrew what it was reading (the list refreshing). */
    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
        }
    }

    /** How far the page is wider than the window, in CSS pixels: 0 when it needs no sideways scrolling. */
    public long overflowX() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue();
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Installs Debian's Chromium and its driver once per machine. */
    private static synchronized void installIfMissing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        // As root, as CI runs; otherwise through sudo, which must not ask for a password.
        List<String> asRoot = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
        run(concat(asRoot, List.of("apt-get", "update", "-qq")));
        run(concat(asRoot, List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium",
                "chromium-driver")));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("apt-get ran, yet " + CHROMIUM + " or " + DRIVER + " is missing");
        }
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; the browser tests need Debian's"
                        + " chromium and chromium-driver packages (install them as root)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
