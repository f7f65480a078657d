//! Photo-like pictures made from scratch, for the tests, the benchmark and
//! the demo section's photos (no photo of unknown origin in the
//! repository): a sky, hills, a crowd of coloured shapes, texture and
//! sensor noise, so they compress like a phone's photos, saved as JPEG
//! with what a phone writes into its files: EXIF with the camera, the
//! date, the orientation and the GPS position, an XMP packet, a colour
//! profile.

use super::Pixels;

/// A small, fast, deterministic random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A `width`×`height` photo-like picture; `seed` varies it.
pub fn photo(width: u32, height: u32, seed: u64) -> Pixels {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (w, h) = (width as usize, height as usize);
    let mut data = vec![0u8; w * h * 3];
    // A coarse grid of random values, interpolated: texture that is
    // neither flat nor pure noise.
    let grid = 24usize;
    let cells: Vec<f32> = (0..(grid + 1) * (grid + 1)).map(|_| rng.unit()).collect();
    let shapes: Vec<(f32, f32, f32, [f32; 3])> = (0..40)
        .map(|_| {
            (
                rng.unit(),
                0.45 + rng.unit() * 0.5,
                0.02 + rng.unit() * 0.08,
                [rng.unit() * 255.0, rng.unit() * 255.0, rng.unit() * 255.0],
            )
        })
        .collect();
    let horizon = 0.35 + (seed % 7) as f32 * 0.02;
    for y in 0..h {
        let fy = y as f32 / h as f32;
        for x in 0..w {
            let fx = x as f32 / w as f32;
            let (gx, gy) = (fx * grid as f32, fy * grid as f32);
            let (ix, iy) = ((gx as usize).min(grid - 1), (gy as usize).min(grid - 1));
            let (tx, ty) = (gx - ix as f32, gy - iy as f32);
            let at = |i: usize, j: usize| cells[j * (grid + 1) + i];
            let texture = at(ix, iy) * (1.0 - tx) * (1.0 - ty)
                + at(ix + 1, iy) * tx * (1.0 - ty)
                + at(ix, iy + 1) * (1.0 - tx) * ty
                + at(ix + 1, iy + 1) * tx * ty;
            let hill = horizon + 0.05 * (fx * 9.0 + seed as f32).sin();
            let mut c = if fy < hill {
                [90.0 + 100.0 * fy, 150.0 + 60.0 * fy, 230.0 - 40.0 * fy]
            } else {
                [
                    60.0 + 80.0 * texture,
                    110.0 + 70.0 * texture,
                    40.0 + 40.0 * texture,
                ]
            };
            for (sx, sy, r, colour) in &shapes {
                let (dx, dy) = (fx - sx, (fy - sy) * h as f32 / w as f32);
                if dx * dx + dy * dy < r * r {
                    let shade = 0.7 + 0.3 * texture;
                    c = [colour[0] * shade, colour[1] * shade, colour[2] * shade];
                }
            }
            // Fine detail (leaves, fabric) and sensor noise.
            let detail = ((x * 7 + y * 13) % 17) as f32 - 8.0;
            let noise = (rng.unit() - 0.5) * 28.0;
            let i = (y * w + x) * 3;
            for k in 0..3 {
                data[i + k] = (c[k] + detail * 0.8 + noise).clamp(0.0, 255.0) as u8;
            }
        }
    }
    Pixels {
        width,
        height,
        alpha: false,
        data,
    }
}

/// What a phone writes into a photo.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// Camera maker (EXIF Make).
    pub make: String,
    /// Camera model (EXIF Model).
    pub model: String,
    /// EXIF orientation (1 upright, 6: turn 90° clockwise to view).
    pub orientation: u16,
    /// Latitude, degrees north.
    pub latitude: f64,
    /// Longitude, degrees east.
    pub longitude: f64,
    /// Whether to add an XMP packet (with the same position).
    pub xmp: bool,
    /// An ICC colour profile to embed.
    pub icc: Option<Vec<u8>>,
}

impl Default for Metadata {
    fn default() -> Self {
        Self {
            make: "PhoneMaker".into(),
            model: "Model X 12".into(),
            orientation: 1,
            latitude: 18.6733,
            longitude: 105.6923,
            xmp: true,
            icc: None,
        }
    }
}

/// The EXIF block (APP1 payload, "Exif\0\0" + a little-endian TIFF) with
/// Make, Model, Orientation and a GPS IFD.
pub fn exif(m: &Metadata) -> Vec<u8> {
    fn rational(v: f64) -> [(u32, u32); 3] {
        let d = v.abs().floor();
        let min = ((v.abs() - d) * 60.0).floor();
        let sec = ((v.abs() - d) * 60.0 - min) * 60.0;
        [(d as u32, 1), (min as u32, 1), ((sec * 100.0) as u32, 100)]
    }
    let mut make = m.make.clone().into_bytes();
    make.push(0);
    let mut model = m.model.clone().into_bytes();
    model.push(0);
    // Layout: header (8) | IFD0 (2 + 4×12 + 4) | GPS IFD (2 + 4×12 + 4) | data.
    let ifd0 = 8u32;
    let gps = ifd0 + 2 + 4 * 12 + 4;
    let data = gps + 2 + 4 * 12 + 4;
    let make_at = data;
    let model_at = make_at + make.len() as u32;
    let lat_at = model_at + model.len() as u32;
    let lon_at = lat_at + 24;
    let mut t: Vec<u8> = b"II*\0".to_vec();
    t.extend(ifd0.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    };
    t.extend(4u16.to_le_bytes());
    entry(&mut t, 0x010F, 2, make.len() as u32, make_at);
    entry(&mut t, 0x0110, 2, model.len() as u32, model_at);
    entry(&mut t, 0x0112, 3, 1, u32::from(m.orientation));
    entry(&mut t, 0x8825, 4, 1, gps);
    t.extend(0u32.to_le_bytes());
    t.extend(4u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from(b'N'));
    entry(&mut t, 0x0002, 5, 3, lat_at);
    entry(&mut t, 0x0003, 2, 2, u32::from(b'E'));
    entry(&mut t, 0x0004, 5, 3, lon_at);
    t.extend(0u32.to_le_bytes());
    t.extend(&make);
    t.extend(&model);
    for v in [m.latitude, m.longitude] {
        for (n, d) in rational(v) {
            t.extend(n.to_le_bytes());
            t.extend(d.to_le_bytes());
        }
    }
    let mut out = b"Exif\0\0".to_vec();
    out.extend(t);
    out
}

/// An XMP packet (APP1 payload) naming the camera and the position.
pub fn xmp(m: &Metadata) -> Vec<u8> {
    let mut out = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    out.extend(
        format!(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" tiff:Model=\"{}\" exif:GPSLatitude=\"{},N\" exif:GPSLongitude=\"{},E\"/></rdf:RDF></x:xmpmeta>",
            m.model, m.latitude, m.longitude
        )
        .into_bytes(),
    );
    out
}

/// `pixels` as a JPEG of `quality` carrying `metadata`.
pub fn jpeg(pixels: &Pixels, quality: u8, metadata: Option<&Metadata>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    if let Some(m) = metadata {
        let _ = encoder.add_app_segment(1, exif(m));
        if m.xmp {
            let _ = encoder.add_app_segment(1, xmp(m));
        }
        if let Some(icc) = &m.icc {
            let _ = encoder.add_icc_profile(icc);
        }
    }
    let color = if pixels.alpha {
        jpeg_encoder::ColorType::Rgba
    } else {
        jpeg_encoder::ColorType::Rgb
    };
    let (w, h) = (
        u16::try_from(pixels.width).unwrap_or(u16::MAX),
        u16::try_from(pixels.height).unwrap_or(u16::MAX),
    );
    let _ = encoder.encode(&pixels.data, w, h, color);
    out
}

/// A PNG of `width`×`height` pixels declared in its header, with almost
/// no data: a decompression bomb (100,000 × 100,000 pixels would be 30 GB
/// decoded).
pub fn png_bomb(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    // A zlib stream of nothing but zeros would follow; a few bytes are
    // enough to make the file look real.
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let mut crc_input = kind.to_vec();
    crc_input.extend(data);
    out.extend(&crc_input);
    out.extend(crc32(&crc_input).to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The Display P3 colour profile (recent iPhones), as ICC bytes.
pub fn display_p3_profile() -> Vec<u8> {
    moxcms::ColorProfile::new_display_p3()
        .encode()
        .unwrap_or_default()
}
