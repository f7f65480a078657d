"""Photos read by an independent reader (Pillow), issue 12.

Usage:
  photos_check.py make DIR        writes the test's phone photos into DIR
  photos_check.py source FILE...  each source must carry EXIF with GPS, XMP
                                  and an ICC profile (the check below could
                                  not fail otherwise)
  photos_check.py output SITE...  every image of each built site carries no
                                  metadata, has the size its name says, and
                                  every <img> of every page has width and
                                  height, every srcset file exists and is
                                  as wide as the srcset says
  photos_check.py budget FILE...  each file is at most 150 KB

The photos are made here, from nothing (no binary fixture in the
repository): a 4000×3000 JPEG of about 6 MB, as a phone takes it, with the
camera, the GPS position, XMP and a colour profile; and a 1200×1600 one
stored on its side (EXIF orientation 6), as phones store portrait photos.
"""
import html.parser
import os
import random
import re
import sys

from PIL import Image, ImageCms, ImageDraw

GPS_IFD = 0x8825
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'exif:GPSLatitude="18,40.398N"/></rdf:RDF></x:xmpmeta>')
IMAGE_EXT = ('.jpg', '.jpeg', '.png', '.webp', '.gif')
BUDGET = 150 * 1024

failures = []


def fail(message):
    failures.append(message)
    print(f'FAIL {message}', file=sys.stderr)


def photo(width, height, seed):
    """A picture that compresses like a photo: gradients, shapes, noise."""
    rnd = random.Random(seed)
    base = Image.linear_gradient('L').resize((width, height))
    img = Image.merge('RGB', (base, base.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
                              Image.radial_gradient('L').resize((width, height))))
    draw = ImageDraw.Draw(img)
    for _ in range(300):
        x, y, s = rnd.randrange(width), rnd.randrange(height), rnd.randrange(20, 300)
        draw.ellipse((x, y, x + s, y + s * 1.3),
                     fill=tuple(rnd.randrange(256) for _ in range(3)))
    noise = Image.merge('RGB', [Image.effect_noise((width, height), 40) for _ in range(3)])
    return Image.blend(img, noise, 0.3)


def exif(orientation):
    e = Image.Exif()
    e[0x010F] = 'PhoneMaker'
    e[0x0110] = 'Model X 12'
    e[0x0112] = orientation
    gps = e.get_ifd(GPS_IFD)
    gps.update({1: 'N', 2: (18.0, 40.0, 23.88), 3: 'E', 4: (105.0, 41.0, 32.28)})
    return e.tobytes()


def make(directory):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile('sRGB')).tobytes()
    photo(4000, 3000, 1).save(os.path.join(directory, 'anh-hoi-nghi.jpg'), quality=93,
                              exif=exif(1), icc_profile=icc, xmp=XMP)
    # Stored 1200 wide and 1600 high, to be shown turned: 1600×1200.
    photo(1200, 1600, 2).save(os.path.join(directory, 'anh doc.jpg'), quality=90,
                              exif=exif(6), icc_profile=icc, xmp=XMP)


def metadata(path):
    """What of the metadata Pillow finds in an image file."""
    found = []
    with Image.open(path) as im:
        e = im.getexif()
        if len(e):
            found.append(f'EXIF {dict(e)}')
        if e.get_ifd(GPS_IFD):
            found.append('GPS')
        for key in ('exif', 'xmp', 'XML:com.adobe.xmp', 'icc_profile', 'comment'):
            if im.info.get(key):
                found.append(key)
    with open(path, 'rb') as f:
        raw = f.read()
    for needle in (b'PhoneMaker', b'Model X 12', b'ns.adobe.com'):
        if needle in raw:
            found.append(needle.decode())
    return found


def source(files):
    for path in files:
        found = metadata(path)
        for want in ('GPS', 'xmp', 'icc_profile'):
            if not any(f.startswith(want) for f in found):
                fail(f'{path}: the source photo should carry {want}, Pillow found {found}')


class Imgs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs, self.sources = [], []

    def handle_starttag(self, tag, attrs):
        if tag == 'img':
            self.imgs.append(dict(attrs))
        elif tag == 'source':
            self.sources.append(dict(attrs))


def output(sites):
    images = pages = 0
    for site in sites:
        for dirpath, _, names in os.walk(site):
            for name in names:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, site)
                if name.lower().endswith(IMAGE_EXT):
                    images += 1
                    found = metadata(path)
                    if found:
                        fail(f'{rel}: metadata published: {found}')
                    with Image.open(path) as im:
                        im.load()
                elif name.endswith('.html') and not rel.startswith('embed/'):
                    pages += 1
                    check_page(site, rel, path)
    print(f'{images} images and {pages} pages checked in {len(sites)} site(s)')
    if images == 0:
        fail('no image was published: the demo and examples have photos')


def check_page(site, rel, path):
    parser = Imgs()
    with open(path, encoding='utf-8') as f:
        parser.feed(f.read())
    for img in parser.imgs:
        if not img.get('width') or not img.get('height'):
            fail(f'{rel}: <img src={img.get("src")}> without width and height')
    for tag in parser.imgs + parser.sources:
        for candidate in (tag.get('srcset') or '').split(','):
            words = candidate.split()
            if not words or words[0].startswith(('http:', 'https:', 'data:')):
                continue
            url = words[0]
            target = local_file(site, rel, url)
            if not os.path.isfile(target):
                fail(f'{rel}: srcset names {url}, which was not published')
                continue
            if len(words) > 1 and words[1].endswith('w'):
                with Image.open(target) as im:
                    if im.size[0] != int(words[1][:-1]):
                        fail(f'{rel}: srcset says {url} is {words[1]}, it is {im.size[0]} px wide')


def local_file(site, rel, url):
    url = re.sub(r'[?#].*$', '', url)
    if url.startswith('/'):
        # Root-relative: the site may live under a sub-path; strip it by
        # trying each suffix of the path.
        parts = url.strip('/').split('/')
        for i in range(len(parts)):
            candidate = os.path.join(site, *parts[i:])
            if os.path.exists(candidate):
                return candidate
        return os.path.join(site, *parts)
    return os.path.normpath(os.path.join(site, os.path.dirname(rel), url))


def budget(files):
    for path in files:
        size = os.path.getsize(path)
        print(f'{os.path.basename(path)}: {size / 1024:.1f} KB')
        if size > BUDGET:
            fail(f'{path}: {size / 1024:.1f} KB, over the budget of 150 KB')


def main():
    what, args = sys.argv[1], sys.argv[2:]
    {'make': lambda a: make(a[0]), 'source': source, 'output': output, 'budget': budget}[what](args)
    if failures:
        print(f'{len(failures)} failure(s)', file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
