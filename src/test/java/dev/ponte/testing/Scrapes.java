package dev.ponte.testing;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading Ponte's Prometheus scrape ({@code /q/metrics}) in tests. */
public final class Scrapes {

    private Scrapes() {
    }

    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample ({@code labels} as written between the braces, or empty); 0 when it is not there yet. */
    public static double sample(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? name : name + "{" + labels + "}";
        Matcher found = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }
}
