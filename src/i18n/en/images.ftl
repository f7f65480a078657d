# Messages: photos (src/images). Same ids as in ../vi/images.ftl.

## Images that cannot be read
image-empty = the image file `{ $file }` is empty
image-not-an-image = `{ $file }` is not a JPEG, PNG, WebP or GIF image
image-unsupported = `{ $file }` is a { $format } image, a format pbgdpl does not read
image-heic-help = this is an iPhone HEIC photo. Convert it to JPEG: send it through Zalo or e-mail and save it again, or open it on a computer and "Save as" JPEG. To make the iPhone take JPEG photos: Settings → Camera → Formats → "Most Compatible"
image-format-help = save the picture again as JPEG (.jpg) or PNG (.png) and put it in the entry's folder
image-too-large = the image `{ $file }` is { $size }, over the limit of { $limit }
image-too-many-pixels = the image `{ $file }` is { $width } × { $height } pixels, over the limit of { $limit } megapixels
image-too-large-help = make the picture smaller before adding it: send it through Zalo and save it again, or take it at a smaller size; 2000 pixels wide is plenty for a page
image-corrupt = the image `{ $file }` is damaged and cannot be read ({ $reason })
image-encode = the smaller copies of the image `{ $file }` could not be made
image-reason-truncated = the file stops too early: a copy or a download that did not finish
image-reason-damaged = the picture's data in the file is wrong
image-reason-variant = it is compressed in a way pbgdpl does not read
image-reason-memory = opening it would need more memory than pbgdpl allows
image-corrupt-help = open the picture on a computer to check it; if it does not show, copy it again from the phone or camera

## The featured photo (image) and pictures in the text
image-alt-missing = the entry has a featured photo "{ $file }" but no `image_alt` (the photo's description)
image-alt-help = add a line image_alt = "…" saying what the photo shows, for example image_alt = "Delegates raise their hands to vote at the conference". Blind readers hear this sentence instead of seeing the photo; without it they cannot know what it shows
image-alt-without-image = `{ $key }` goes with `image` (the featured photo)
image-alt-without-image-help = add a line image = "photo-name.jpg" (the photo beside index.md), or remove this line
image-needs-bundle = a photo needs the entry to be a folder: move the entry to <entry-name>/index.md and copy the photo into that folder (pbgdpl new … --bundle makes one)
image-outside = the picture "{ $file }" is outside the entry's folder
image-outside-help = copy the picture beside the entry's index.md and write only its file name, for example ![Description](conference.jpg)
image-path-spaces = the picture's file name "{ $file }" has spaces, so the picture does not show: the page prints this line as text
image-path-spaces-help = put the file name in angle brackets: ![{ $alt }](<{ $file }>), or rename the file without spaces (conference-photo.jpg)
image-no-alt = the picture "{ $file }" has no description
image-no-alt-help = write the description in the square brackets, for example ![Delegates at the conference](conference.jpg): blind readers hear it instead of seeing the picture
