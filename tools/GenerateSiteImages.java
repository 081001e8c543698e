/*
 * GenerateSiteImages: draws every raster image of the sample website in shared-site/.
 *
 * Why this exists: the site is the fixture every stage serves and every test requests, so its images
 * must be ours, small, reproducible and of known shape. Nothing is downloaded; each picture is drawn
 * here with plain Java 2D and written with the JDK's own ImageIO codecs. Random numbers come from
 * java.util.Random with fixed seeds, whose algorithm is fixed by its specification, so running this
 * again on the same JDK writes the same bytes.
 *
 * What it writes (paths relative to the site folder):
 *   img/logo.png     128x128 logo, letters drawn as strokes (no fonts, so no machine-dependent glyphs)
 *   img/photo.jpg    640x400 "photo-like" sunset over mountains and a lake
 *   img/spinner.gif  48x48 animated loading spinner, looping forever
 *   img/large.png    random-noise picture, deliberately incompressible, just over 1 MiB: it makes the
 *                    server send a body much larger than any buffer it uses
 *   favicon.ico      16x16 and 32x32 icons, each stored as PNG inside the ICO container
 *
 * How to run (Java 17 or newer, from the repository root):
 *   java tools/GenerateSiteImages.java              writes into ./shared-site
 *   java tools/GenerateSiteImages.java SOME/DIR     writes into SOME/DIR
 */

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

public class GenerateSiteImages {

    // Set before any AWT class is initialised: this program never opens a window and must also run
    // on machines (servers, CI) that have no display at all.
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The tests rely on img/large.png being bigger than one mebibyte. */
    private static final long ONE_MIB = 1024 * 1024;

    // The site's palette, shared with shared-site/css/style.css.
    private static final Color NAVY = new Color(0x1f2a44);
    private static final Color TEAL = new Color(0x2d6a8f);
    private static final Color ORANGE = new Color(0xe0703a);
    private static final Color PAGE = new Color(0xfbfaf7);

    public static void main(String[] args) throws IOException {
        Path site = Path.of(args.length > 0 ? args[0] : "shared-site");
        if (!Files.isDirectory(site)) {
            System.err.println("No folder " + site.toAbsolutePath() + "; run from the repository root or pass the site folder.");
            System.exit(2);
        }
        Path img = Files.createDirectories(site.resolve("img"));

        writePng(drawLogo(128), img.resolve("logo.png"));
        writeJpeg(drawPhoto(640, 400), 0.88f, img.resolve("photo.jpg"));
        writeAnimatedGif(drawSpinnerFrames(48, 12), 8, img.resolve("spinner.gif"));
        writePng(drawNoise(640, 640, 20240521L), img.resolve("large.png"));
        writeIco(List.of(drawLogo(16), drawLogo(32)), site.resolve("favicon.ico"));

        long large = Files.size(img.resolve("large.png"));
        if (large < ONE_MIB) {
            throw new IllegalStateException("img/large.png is only " + large + " bytes; make the noise picture bigger");
        }
        for (Path p : List.of(img.resolve("logo.png"), img.resolve("photo.jpg"), img.resolve("spinner.gif"),
                img.resolve("large.png"), site.resolve("favicon.ico"))) {
            System.out.printf("%9d  %s%n", Files.size(p), p);
        }
    }

    // ---------------------------------------------------------------- pictures

    /**
     * The logo: "LW" (Low-level Web) in white strokes on a navy-to-teal tile, with an orange arrow for
     * bytes leaving the server. It is designed on a 128-unit grid and scaled, so the favicon is the same
     * drawing; below 64 pixels the arrow is dropped and the letters grow, or they would turn to mush.
     */
    static BufferedImage drawLogo(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smoothGraphics(image);
        g.scale(size / 128.0, size / 128.0);
        boolean detailed = size >= 64;

        g.setPaint(new GradientPaint(0, 0, NAVY, 128, 128, TEAL));
        double inset = detailed ? 4 : 0;
        g.fill(new RoundRectangle2D.Double(inset, inset, 128 - 2 * inset, 128 - 2 * inset, 30, 30));

        if (!detailed) {
            // Centre the two letters in the tile and make them fill it.
            g.translate(64, 64);
            g.scale(1.2, 1.2);
            g.translate(-65, -56);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(detailed ? 9f : 11f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(polyline(28, 34, 28, 78, 50, 78));                       // L
        g.draw(polyline(60, 34, 70, 78, 80, 50, 90, 78, 100, 34));      // W

        if (detailed) {
            g.setColor(ORANGE);
            g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(polyline(28, 98, 96, 98));
            g.draw(polyline(86, 89, 98, 98, 86, 107));
        }
        g.dispose();
        return image;
    }

    /** A sunset: gradient sky, glowing sun, three mountain ridges, a rippled lake and a few pines. */
    static BufferedImage drawPhoto(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smoothGraphics(image);
        Random rnd = new Random(7L);
        int horizon = (int) (height * 0.74);

        g.setPaint(new LinearGradientPaint(0, 0, 0, horizon,
                new float[] {0f, 0.45f, 0.8f, 1f},
                new Color[] {new Color(0x1e3560), new Color(0x5a6fa0), new Color(0xe9a27c), new Color(0xf7d49a)}));
        g.fillRect(0, 0, width, horizon);

        float sunX = width * 0.67f;
        float sunY = horizon - 128;
        g.setPaint(new RadialGradientPaint(sunX, sunY, 170, new float[] {0f, 0.25f, 1f},
                new Color[] {new Color(255, 236, 190, 230), new Color(255, 205, 150, 90), new Color(255, 190, 140, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, width, horizon);
        g.setColor(new Color(0xfff3d6));
        g.fill(new Ellipse2D.Float(sunX - 26, sunY - 26, 52, 52));

        // Far ridges are paler, as haze hides them: the usual trick to fake depth.
        fillRidge(g, rnd, width, horizon, horizon - 105, 50, 0.55, new Color(0x9c8fb0));
        fillRidge(g, rnd, width, horizon, horizon - 75, 45, 0.58, new Color(0x5e6189));
        fillRidge(g, rnd, width, horizon, horizon - 30, 22, 0.62, new Color(0x2f3a55));

        reflectIntoLake(image, horizon);
        drawPines(g, rnd, width, height);
        g.dispose();

        addGrain(image, new Random(11L), 5.0);
        return image;
    }

    /** Twelve dots on a circle; each frame moves the dark "head" one dot on and the tail fades behind it. */
    static List<BufferedImage> drawSpinnerFrames(int size, int dots) {
        List<BufferedImage> frames = new ArrayList<>();
        double ring = size * 0.34;
        double dot = size * 0.075;
        for (int frame = 0; frame < dots; frame++) {
            // The page colour behind the dots (rather than transparency) keeps the anti-aliased edges clean.
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = smoothGraphics(image);
            g.setColor(PAGE);
            g.fillRect(0, 0, size, size);
            for (int i = 0; i < dots; i++) {
                int age = Math.floorMod(frame - i, dots);               // 0 = the head
                double strength = 1.0 - age / (double) dots;
                double angle = 2 * Math.PI * i / dots - Math.PI / 2;    // start at twelve o'clock
                double cx = size / 2.0 + ring * Math.cos(angle);
                double cy = size / 2.0 + ring * Math.sin(angle);
                g.setColor(mix(PAGE, ORANGE, 0.15 + 0.85 * strength * strength));
                g.fill(new Ellipse2D.Double(cx - dot, cy - dot, 2 * dot, 2 * dot));
            }
            g.dispose();
            frames.add(image);
        }
        return frames;
    }

    /**
     * Every channel of every pixel is an independent random byte. Deflate cannot shrink such data,
     * so the PNG ends up about width x height x 3 bytes: 640 x 640 gives roughly 1.23 MB.
     */
    static BufferedImage drawNoise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        return image;
    }

    // ---------------------------------------------------------------- drawing helpers

    static Graphics2D smoothGraphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** An open path through the given x, y pairs. */
    static Path2D polyline(double... xy) {
        Path2D path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        return path;
    }

    /** Fills the area between a jagged ridge line and the horizon. */
    static void fillRidge(Graphics2D g, Random rnd, int width, int horizon, double baseY, double amplitude,
                          double roughness, Color color) {
        double[] ridge = ridgeLine(rnd, width, amplitude, roughness);
        Path2D shape = new Path2D.Double();
        shape.moveTo(0, horizon);
        for (int x = 0; x <= width; x++) {
            shape.lineTo(x, Math.min(horizon, baseY + ridge[x]));
        }
        shape.lineTo(width, horizon);
        shape.closePath();
        g.setColor(color);
        g.fill(shape);
    }

    /**
     * Midpoint displacement: start with a straight line, then repeatedly move every midpoint up or down
     * by a random amount that shrinks at each level. The result looks like a mountain skyline.
     */
    static double[] ridgeLine(Random rnd, int width, double amplitude, double roughness) {
        int n = Integer.highestOneBit(width - 1) << 1;
        double[] h = new double[n + 1];
        h[0] = (rnd.nextDouble() * 2 - 1) * amplitude * 0.5;
        h[n] = (rnd.nextDouble() * 2 - 1) * amplitude * 0.5;
        double spread = amplitude;
        for (int step = n; step > 1; step /= 2) {
            for (int i = 0; i < n; i += step) {
                h[i + step / 2] = (h[i] + h[i + step]) / 2 + (rnd.nextDouble() * 2 - 1) * spread;
            }
            spread *= roughness;
        }
        return h;
    }

    /** Copies the scene above the horizon upside down below it, darker, bluer and shifted by small waves. */
    static void reflectIntoLake(BufferedImage image, int horizon) {
        int width = image.getWidth();
        Color water = new Color(0x22406b);
        for (int y = horizon; y < image.getHeight(); y++) {
            int depth = y - horizon;
            int sourceY = Math.max(0, horizon - 1 - depth);
            double wave = (1 + depth * 0.08) * Math.sin(depth * 0.9);
            double tint = Math.min(0.75, 0.3 + depth * 0.004);
            for (int x = 0; x < width; x++) {
                int sourceX = Math.floorMod(x + (int) Math.round(wave), width);
                Color above = new Color(image.getRGB(sourceX, sourceY));
                image.setRGB(x, y, mix(above, water, tint).getRGB());
            }
        }
    }

    /** A dark bank of pine trees in the lower-left foreground, each a stack of three triangles. */
    static void drawPines(Graphics2D g, Random rnd, int width, int height) {
        Color pine = new Color(0x141a26);
        g.setColor(pine);
        Path2D bank = new Path2D.Double();
        bank.moveTo(0, height);
        bank.lineTo(0, height - 62);
        bank.curveTo(width * 0.12, height - 58, width * 0.22, height - 30, width * 0.34, height - 14);
        bank.lineTo(width * 0.34, height);
        bank.closePath();
        g.fill(bank);
        for (int i = 0; i < 9; i++) {
            double x = 10 + i * 24 + rnd.nextDouble() * 10;
            double ground = height - 60 + Math.pow(x / (width * 0.34), 1.6) * 46;
            double tall = 70 + rnd.nextDouble() * 60 - i * 5;
            for (int tier = 0; tier < 3; tier++) {
                double top = ground - tall + tier * tall * 0.22;
                double half = tall * (0.16 + tier * 0.06);
                double bottom = ground - tall * (0.45 - tier * 0.2);
                g.fill(polygon(x, top, x + half, bottom, x - half, bottom));
            }
            g.fillRect((int) x - 2, (int) (ground - tall * 0.1), 4, (int) (tall * 0.1) + 2);
        }
    }

    static Path2D polygon(double... xy) {
        Path2D path = polyline(xy);
        path.closePath();
        return path;
    }

    /** Film-like grain, so that the JPEG holds something that behaves like a real photograph. */
    static void addGrain(BufferedImage image, Random rnd, double strength) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) Math.round(rnd.nextGaussian() * strength);
                image.setRGB(x, y, (clamp((rgb >> 16 & 0xff) + n) << 16) | (clamp((rgb >> 8 & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n));
            }
        }
    }

    /** Linear blend: t = 0 gives a, t = 1 gives b. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)));
    }

    static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    // ---------------------------------------------------------------- writing files

    static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    static void writeJpeg(BufferedImage image, float quality, Path file) throws IOException {
        ImageWriter writer = firstWriter("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * ImageIO writes single-frame GIFs by default. Animation needs two pieces of metadata per frame:
     * a Graphic Control Extension (the frame's delay, in hundredths of a second) and, on the first
     * frame, the NETSCAPE2.0 application extension whose loop count 0 means "repeat forever".
     */
    static void writeAnimatedGif(List<BufferedImage> frames, int delayCentiseconds, Path file) throws IOException {
        ImageWriter writer = firstWriter("gif");
        ImageWriteParam param = writer.getDefaultWriteParam();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), param);
                addGifAnimation(metadata, delayCentiseconds, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    static void addGifAnimation(IIOMetadata metadata, int delayCentiseconds, boolean firstFrame) throws IOException {
        String format = metadata.getNativeMetadataFormatName();   // "javax_imageio_gif_image_1.0"
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);

        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");

        if (firstFrame) {
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[] {1, 0, 0});           // sub-block 1, loop count 0 (little-endian)
            child(root, "ApplicationExtensions").appendChild(netscape);
        }
        metadata.setFromTree(format, root);
    }

    /** The named child of a metadata tree, created if it is not there yet. */
    static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /**
     * An ICO file is a 6-byte ICONDIR header, one 16-byte ICONDIRENTRY per picture, then the pictures.
     * Since Windows Vista each picture may simply be a whole PNG file, which every browser understands.
     * All numbers are little-endian; a width or height of 256 would be written as 0.
     */
    static void writeIco(List<BufferedImage> icons, Path file) throws IOException {
        List<byte[]> pngs = new ArrayList<>();
        for (BufferedImage icon : icons) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(icon, "png", png);
            pngs.add(png.toByteArray());
        }
        int headerSize = 6 + 16 * icons.size();
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0);                 // reserved
        header.putShort((short) 1);                 // type 1 = icon (2 would be cursor)
        header.putShort((short) icons.size());
        int offset = headerSize;
        for (int i = 0; i < icons.size(); i++) {
            header.put((byte) (icons.get(i).getWidth() & 0xff));
            header.put((byte) (icons.get(i).getHeight() & 0xff));
            header.put((byte) 0);                   // palette size: 0 = no palette
            header.put((byte) 0);                   // reserved
            header.putShort((short) 1);             // colour planes
            header.putShort((short) 32);            // bits per pixel
            header.putInt(pngs.get(i).length);
            header.putInt(offset);
            offset += pngs.get(i).length;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            for (byte[] png : pngs) {
                out.write(png);
            }
        }
    }

    static ImageWriter firstWriter(String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no " + format + " writer");
        }
        return writers.next();
    }
}
