"""Word lists for resolving names: given names with their Russian, Ukrainian, Belarusian and
Crimean Tatar forms, diminutives, and the endings that mark patronymics and gendered surnames.

Only lists, no logic. Each line of a name table is one name: its forms are one person's name
written by different outlets ("Oleksandr", "Aleksandr", "Alexander", "Sasha"). A form is looked
up by its spelling skeleton (``names.skeleton``), so transliteration variants of a listed form
("Aleksandr", "Alexandr") need not be listed.
"""

from __future__ import annotations

MALE_NAMES = """
dilyaver diliaver dilaver
akhtem ahtem
ilmi ilmy
nariman
asan hasan gasan khasan
aziz
server
emir emir-usein
edem
remzi
muslim
nuri nuriy
enver
rustem rustam
refat rifat
ernes
eskender iskander iskender
seyran seiran
zevri
ruslan
timur temur
mustafa
ibraim ibragim ibrahim
ismail
osman
ali
alim
eldar
lenur
marlen
bekir
dzhemil jemil cemil
mamut mahmud
suleyman suleiman
fevzi
teymur teimur
vilen
memet mehmet
uzeir
inver
nikolai mykola nikolay mikola kolya
aleksandr oleksandr alexander aliaksandr alyaksandr sasha alexandr
aleksei oleksii alexei alexey aliaksei alyosha
dmitry dmytro dzmitry dima dmitri
sergei serhii sergey siarhei serhiy seryozha
mikhail mykhailo mikhas misha mihail
vladimir volodymyr uladzimir volodya vova
andrei andrii andrey andrew andriy
pavel pavlo paval paviel pasha
yuri yurii yury iurii yuriy
ivan ivan ivan vanya
petr petro piotr pyotr pyatro
viktor victor
oleg oleh aleh
igor ihor ihar
evgeny yevhen yauhen yevgeny zhenya evgenii
vasily vasyl vasil vasiliy
grigory hryhoriy ryhor grigoriy
georgy heorhiy georgii yegor
stanislav stas
anatoly anatolii
konstantin kostiantyn kanstantsin kostya
maxim maksym maksim
roman raman
denis denys dzianis
artem artyom
kirill kyrylo
bogdan bohdan
taras
stepan stsiapan
fyodor fedir fedor
leonid leanid
valentyn valentin
vitaly vitalii vitali
gennady hennadiy
anton
ales
ilya illia
semyon semen
boris borys
emil
mikhail
kemal
"""

FEMALE_NAMES = """
elmira
lilya lilia liliya
leniye lenie lene
mumine mumine
zarema
esma
alie aliye
gulsum
emine
ayshe aishe
fatma
sevil
zera
natalia natalya nataliya natasha
olga olha volha
anna hanna ganna
maria mariya mariia masha
elena olena alena yelena lena
tatiana tetiana tatsiana tatyana
svetlana svitlana sviatlana
irina iryna iryna
yulia yuliya julia iuliia
ekaterina kateryna katsiaryna katya
lyudmila liudmyla
marina maryna
oksana
valentina valentyna
nadezhda nadiia nadia
viktoria victoria viktoriia
galina halyna
zhanna
ludmila
"""

# Patronymic endings (Russian, Ukrainian, Belarusian, Turkic), on the spelling skeleton.
PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovych", "evych", "ich", "ych", "ovna", "evna", "ivna", "ichna",
    "ogly", "oglu", "ogli", "kyzy", "kizi", "qizi",
)
FEMALE_PATRONYMIC_ENDINGS = ("ovna", "evna", "ivna", "ichna", "kyzy", "kizi", "qizi")
# Surname endings by gender (Slavic and Turkic surnames in their Russian form). A man's surname
# and a woman's of one family differ by these endings: "Umerov" / "Umerova".
MALE_SURNAME_ENDINGS = ("ov", "ev", "in", "yn", "skiy", "skii", "sky", "ski", "tskiy", "iy",
                        "oy")
FEMALE_SURNAME_ENDINGS = ("ova", "eva", "ina", "yna", "skaya", "skaia", "ska", "aya", "aia")
# Words that mark a generation: "Jr." and "Sr." are two people.
GENERATIONS = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "jr", "iii": "iii"}
# Words that are not part of a name when they stand in one.
NOT_NAME = {"mr", "mrs", "ms", "dr", "the", "of", "and"}


def name_groups(table: str) -> list[list[str]]:
    return [line.split() for line in table.strip().splitlines() if line.strip()]
