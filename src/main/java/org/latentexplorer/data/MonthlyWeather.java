package org.latentexplorer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Twelve monthly climate normals of one place: mean temperature (°C) and mean relative humidity (%), the chapter's
 * weather example of a latent variable. The shipped file is Tokyo's, from the Japan Meteorological Agency (see
 * assets/weather/SOURCE.md): a header {@value #HEADER}, then one line per month in order; lines starting with # are
 * comments.
 */
public final class MonthlyWeather {
    public static final int MONTHS = 12;
    static final String HEADER = "month,temperature_c,relative_humidity_pct";
    private static final String FILE_NAME = "tokyo-monthly-normals.csv";
    private static final String RESOURCE = "/org/latentexplorer/assets/weather/" + FILE_NAME;
    /** Where the file sits in a source checkout, for runs without the packaged resources. */
    private static final Path ASSETS_FILE = Path.of("assets", "weather", FILE_NAME);
    /** Beyond the records ever measured on Earth: a value outside is a broken file, not weather. */
    private static final double MIN_TEMPERATURE = -90;
    private static final double MAX_TEMPERATURE = 60;

    private final double[] temperature;
    private final double[] humidity;

    private MonthlyWeather(double[] temperature, double[] humidity) {
        this.temperature = temperature;
        this.humidity = humidity;
    }

    /** Tokyo's normals 1991–2020, as shipped with the app. */
    public static MonthlyWeather tokyo() throws DataException {
        try (InputStream in = MonthlyWeather.class.getResourceAsStream(RESOURCE)) {
            return in == null ? read(ASSETS_FILE) : read(in, FILE_NAME);
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            // Only closing the resource stream can get here; the data is already read.
            throw new DataException("data.error.unreadable", FILE_NAME, String.valueOf(e.getMessage()));
        }
    }

    public static MonthlyWeather read(Path file) throws DataException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException("data.error.notFound", file.toString(), "no such file");
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("data.error.unreadable", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** @param fileName named in every error message */
    public static MonthlyWeather read(InputStream in, String fileName) throws DataException {
        double[] temperature = new double[MONTHS];
        double[] humidity = new double[MONTHS];
        int months = 0;
        boolean header = false;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.equalsIgnoreCase(HEADER)) {
                        throw new DataException("latent.data.error.header", fileName, text);
                    }
                    header = true;
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length != 3) {
                    throw new DataException("latent.data.error.row", fileName, lineNumber, text);
                }
                int month;
                double t;
                double h;
                try {
                    month = Integer.parseInt(fields[0].strip());
                    t = Double.parseDouble(fields[1].strip());
                    h = Double.parseDouble(fields[2].strip());
                } catch (NumberFormatException e) {
                    throw new DataException("latent.data.error.row", fileName, lineNumber, text);
                }
                if (months == MONTHS || month != months + 1) {
                    throw new DataException("latent.data.error.month", fileName, lineNumber, fields[0].strip());
                }
                // The negated comparisons also refuse NaN.
                if (!(t >= MIN_TEMPERATURE && t <= MAX_TEMPERATURE)) {
                    throw new DataException("latent.data.error.temperature", fileName, lineNumber, fields[1].strip());
                }
                if (!(h >= 0 && h <= 100)) {
                    throw new DataException("latent.data.error.humidity", fileName, lineNumber, fields[2].strip());
                }
                temperature[months] = t;
                humidity[months] = h;
                months++;
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("data.error.unreadable", fileName, String.valueOf(e.getMessage()));
        }
        if (!header) {
            throw new DataException("latent.data.error.header", fileName, "");
        }
        if (months != MONTHS) {
            throw new DataException("latent.data.error.count", fileName, months);
        }
        return new MonthlyWeather(temperature, humidity);
    }

    /** Mean temperature of month 0 (January) to 11 (December), °C. */
    public double temperature(int month) {
        return temperature[month];
    }

    /** Mean relative humidity of month 0 (January) to 11 (December), %. */
    public double humidity(int month) {
        return humidity[month];
    }

    /** The twelve months as rows (temperature, humidity), January first. */
    public double[] points() {
        double[] xy = new double[2 * MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            xy[2 * m] = temperature[m];
            xy[2 * m + 1] = humidity[m];
        }
        return xy;
    }
}
